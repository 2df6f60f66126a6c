import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';

type FaultMode = 'none' | 'latency' | 'errors';
interface InventoryDependencies {
	currentFault: () => Promise<FaultMode>;
	reserve: (sku: string, quantity: number) => Promise<number>;
	sleep: (ms: number) => Promise<void>;
	random: () => number;
}
interface InventoryModule {
	CATALOGUE: readonly string[];
	parseReservation(event: unknown): { ok: true; sku: string; quantity: number } | { ok: false; reason: string };
	createInventoryHandler(dependencies: InventoryDependencies): (event: unknown) => Promise<unknown>;
}

const load = createRequire(import.meta.url);
const { CATALOGUE, parseReservation, createInventoryHandler } = load(
	'../../../../../labs/lab3/app/services/inventory.cjs',
) as InventoryModule;

function dependencies(mode: FaultMode, random = 0.9): InventoryDependencies {
	return {
		currentFault: async () => mode,
		reserve: vi.fn(async (_sku: string, quantity: number) => 40 + quantity),
		sleep: vi.fn(async () => undefined),
		random: () => random,
	};
}

describe('parseReservation', () => {
	it('accepts a catalogue sku and a quantity from 1 to 10', () => {
		expect(parseReservation({ sku: 'sku-mug', quantity: 10 })).toEqual({ ok: true, sku: 'sku-mug', quantity: 10 });
		expect(CATALOGUE).toContain('sku-mug');
	});

	it('rejects unknown skus and impossible quantities with a reason', () => {
		expect(parseReservation({ sku: 'sku-anvil', quantity: 1 })).toEqual({
			ok: false,
			reason: 'unknown sku: sku-anvil',
		});
		for (const quantity of [0, 11, 1.5, '2', undefined]) {
			expect(parseReservation({ sku: 'sku-mug', quantity })).toMatchObject({ ok: false });
		}
		expect(parseReservation(null)).toMatchObject({ ok: false });
	});
});

describe('inventory handler', () => {
	it('reserves stock and reports the running total', async () => {
		const deps = dependencies('none');
		const handler = createInventoryHandler(deps);
		expect(await handler({ sku: 'sku-kettle', quantity: 2 })).toEqual({
			ok: true,
			sku: 'sku-kettle',
			quantity: 2,
			reserved: 42,
		});
		expect(deps.reserve).toHaveBeenCalledWith('sku-kettle', 2);
		expect(deps.sleep).not.toHaveBeenCalled();
	});

	it('refuses an invalid request without touching the table', async () => {
		const deps = dependencies('none');
		const result = await createInventoryHandler(deps)({ sku: 'sku-kettle', quantity: 99 });
		expect(result).toMatchObject({ ok: false });
		expect(deps.reserve).not.toHaveBeenCalled();
	});

	it('waits before answering when the latency fault is on', async () => {
		const deps = dependencies('latency', 0.5);
		await createInventoryHandler(deps)({ sku: 'sku-kettle', quantity: 1 });
		expect(deps.sleep).toHaveBeenCalledWith(2000);
		expect(deps.reserve).toHaveBeenCalled();
	});

	it('throws, so Lambda counts an error, when the errors fault hits a request', async () => {
		const deps = dependencies('errors', 0.1);
		await expect(createInventoryHandler(deps)({ sku: 'sku-kettle', quantity: 1 })).rejects.toThrow(/injected fault/);
		expect(deps.reserve).not.toHaveBeenCalled();
	});

	it('lets the other half of requests through when the errors fault is on', async () => {
		const deps = dependencies('errors', 0.7);
		expect(await createInventoryHandler(deps)({ sku: 'sku-mug', quantity: 1 })).toMatchObject({ ok: true });
	});
});
