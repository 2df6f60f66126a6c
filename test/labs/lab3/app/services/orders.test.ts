import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';

interface Order {
	id: string;
	sku: string;
	quantity: number;
	createdAt: string;
}
interface OrdersDependencies {
	reserveStock: (request: { sku: unknown; quantity: unknown }) => Promise<Record<string, unknown>>;
	saveOrder: (order: Order) => Promise<void>;
	loadOrder: (id: string) => Promise<Order | null>;
	newId: () => string;
	now: () => Date;
}
interface HttpResponse {
	statusCode: number;
	headers: Record<string, string>;
	body: string;
}
interface OrdersModule {
	parseBody(event: { body?: string; isBase64Encoded?: boolean }): unknown;
	createOrdersHandler(dependencies: OrdersDependencies): (event: Record<string, unknown>) => Promise<HttpResponse>;
}

const load = createRequire(import.meta.url);
const { parseBody, createOrdersHandler } = load('../../../../../labs/lab3/app/services/orders.cjs') as OrdersModule;

const stored: Order = { id: 'o-1', sku: 'sku-mug', quantity: 2, createdAt: '2026-11-22T10:00:00.000Z' };

function dependencies(reservation: Record<string, unknown>): OrdersDependencies {
	return {
		reserveStock: vi.fn(async () => reservation),
		saveOrder: vi.fn(async () => undefined),
		loadOrder: vi.fn(async (id: string) => (id === stored.id ? stored : null)),
		newId: () => 'o-1',
		now: () => new Date('2026-11-22T10:00:00Z'),
	};
}

const placeOrder = (body: string) => ({ routeKey: 'POST /orders', body });

describe('parseBody', () => {
	it('reads plain and base64-encoded JSON bodies', () => {
		expect(parseBody({ body: '{"a":1}' })).toEqual({ a: 1 });
		expect(parseBody({ body: Buffer.from('{"a":2}').toString('base64'), isBase64Encoded: true })).toEqual({ a: 2 });
		expect(parseBody({})).toEqual({});
	});

	it('returns null for a body that is not JSON', () => {
		expect(parseBody({ body: '{oops' })).toBeNull();
	});
});

describe('orders handler', () => {
	it('places an order: reserves stock, stores it and answers 201', async () => {
		const deps = dependencies({ ok: true, reserved: 7 });
		const response = await createOrdersHandler(deps)(placeOrder('{"sku":"sku-mug","quantity":2}'));
		expect(response.statusCode).toBe(201);
		expect(JSON.parse(response.body)).toEqual(stored);
		expect(response.headers['content-type']).toBe('application/json');
		expect(deps.reserveStock).toHaveBeenCalledWith({ sku: 'sku-mug', quantity: 2 });
		expect(deps.saveOrder).toHaveBeenCalledWith(stored);
	});

	it('answers 400 for a body that is not a JSON object', async () => {
		const deps = dependencies({ ok: true });
		for (const body of ['{oops', '"text"', '42']) {
			expect((await createOrdersHandler(deps)(placeOrder(body))).statusCode).toBe(400);
		}
		expect(deps.reserveStock).not.toHaveBeenCalled();
	});

	it("passes the inventory service's refusal on as 400 and stores nothing", async () => {
		const deps = dependencies({ ok: false, reason: 'unknown sku: sku-anvil' });
		const response = await createOrdersHandler(deps)(placeOrder('{"sku":"sku-anvil","quantity":1}'));
		expect(response.statusCode).toBe(400);
		expect(JSON.parse(response.body)).toEqual({ message: 'unknown sku: sku-anvil' });
		expect(deps.saveOrder).not.toHaveBeenCalled();
	});

	it('answers 502 when the inventory service fails, so the API counts a server error', async () => {
		const deps = dependencies({ failed: 'injected fault: inventory unavailable' });
		const response = await createOrdersHandler(deps)(placeOrder('{"sku":"sku-mug","quantity":1}'));
		expect(response.statusCode).toBe(502);
		expect(deps.saveOrder).not.toHaveBeenCalled();
	});

	it('reads an order back, or answers 404', async () => {
		const handler = createOrdersHandler(dependencies({ ok: true }));
		const found = await handler({ routeKey: 'GET /orders/{id}', pathParameters: { id: 'o-1' } });
		expect(found.statusCode).toBe(200);
		expect(JSON.parse(found.body)).toEqual(stored);
		const missing = await handler({ routeKey: 'GET /orders/{id}', pathParameters: { id: 'o-2' } });
		expect(missing.statusCode).toBe(404);
	});

	it('answers 404 for a route it does not serve', async () => {
		const response = await createOrdersHandler(dependencies({ ok: true }))({ routeKey: 'DELETE /orders/{id}' });
		expect(response.statusCode).toBe(404);
	});
});
