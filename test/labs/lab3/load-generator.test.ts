import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runLoad } from '../../../labs/lab3/load/run-load.ts';
import { sendRequest } from '../../../labs/lab3/load/send-request.ts';
import { main } from '../../../labs/lab3/load-generator.ts';

/** A stand-in for the orders API on 127.0.0.1: every third order fails with 502, reads succeed. */
function fakeOrdersApi(): { server: Server; seen: string[] } {
	const seen: string[] = [];
	let orders = 0;
	const server = createServer((request: IncomingMessage, response) => {
		let body = '';
		request.on('data', (chunk) => {
			body += chunk;
		});
		request.on('end', () => {
			seen.push(`${request.method} ${request.url}`);
			response.setHeader('content-type', 'application/json');
			if (request.method === 'POST' && request.url === '/orders') {
				orders += 1;
				if (orders % 3 === 0) {
					response.writeHead(502).end('{"message":"inventory service failed"}');
					return;
				}
				const { sku } = JSON.parse(body) as { sku: string };
				response.writeHead(201).end(JSON.stringify({ id: `order-${orders}`, sku }));
				return;
			}
			if (request.method === 'GET' && request.url?.startsWith('/orders/')) {
				response.writeHead(200).end('{}');
				return;
			}
			response.writeHead(404).end('{}');
		});
	});
	return { server, seen };
}

let api: ReturnType<typeof fakeOrdersApi>;
let baseUrl: URL;

beforeAll(async () => {
	api = fakeOrdersApi();
	await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve));
	baseUrl = new URL(`http://127.0.0.1:${(api.server.address() as AddressInfo).port}`);
});

afterAll(async () => {
	await new Promise((resolve) => api.server.close(resolve));
});

describe('sendRequest', () => {
	it('reports status, latency and the new order id', async () => {
		const outcome = await sendRequest(baseUrl, { method: 'POST', path: '/orders', body: '{"sku":"sku-mug"}' }, 2000);
		expect(outcome.status).toBe(201);
		expect(outcome.orderId).toMatch(/^order-\d+$/);
		expect(outcome.latencyMs).toBeGreaterThan(0);
	});

	it('turns a refused connection into a network error instead of throwing', async () => {
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as AddressInfo).port;
		await new Promise((resolve) => closed.close(resolve));
		const outcome = await sendRequest(new URL(`http://127.0.0.1:${port}`), { method: 'GET', path: '/orders/x' }, 1000);
		expect(outcome.status).toBeNull();
	});
});

describe('runLoad against a local server', () => {
	it('sends rate × duration requests, mixes writes and reads, and counts the 5xx', async () => {
		const lines: string[] = [];
		const before = api.seen.length;
		const summary = await runLoad(
			{ url: baseUrl, rate: 40, durationSeconds: 1, reportEverySeconds: 0.5, requestTimeoutMs: 2000 },
			{
				send: (request) => sendRequest(baseUrl, request, 2000),
				report: (line) => lines.push(line),
				random: Math.random,
				now: () => performance.now(),
				sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
			},
		);
		expect(summary.requests).toBe(40);
		expect(api.seen.length - before).toBe(40);
		expect(summary.serverErrors).toBeGreaterThan(0);
		expect(summary.networkErrors).toBe(0);
		expect(summary.ok + summary.serverErrors).toBe(40);
		expect(summary.p90Ms).not.toBeNull();
		expect(lines.at(-1)).toMatch(/^total\s+40 req/);
		expect(lines.length).toBeGreaterThanOrEqual(2);
	});

	it('stops scheduling when aborted but still reports what it sent', async () => {
		const stop = new AbortController();
		setTimeout(() => stop.abort(), 150);
		const summary = await runLoad(
			{ url: baseUrl, rate: 20, durationSeconds: 30, reportEverySeconds: 10, requestTimeoutMs: 2000 },
			{
				send: (request) => sendRequest(baseUrl, request, 2000),
				report: () => undefined,
				random: () => 0.5,
				now: () => performance.now(),
				sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
				signal: stop.signal,
			},
		);
		expect(summary.requests).toBeGreaterThan(0);
		expect(summary.requests).toBeLessThan(10);
	});
});

describe('the load-generator command', () => {
	it('runs a short, bounded burst and prints the total', async () => {
		const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
		const code = await main(['--url', baseUrl.href, '--rate', '10', '--duration', '1']);
		expect(code).toBe(0);
		const printed = log.mock.calls.map((call) => String(call[0]));
		expect(printed[0]).toContain('Sending 10 req/s');
		expect(printed.at(-1)).toMatch(/^total\s+10 req/);
		log.mockRestore();
	});

	it('exits 64 with usage on a bad argument', async () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		expect(await main(['--rate', '5'])).toBe(64);
		expect(String(error.mock.calls[0]?.[0])).toContain('Usage:');
		error.mockRestore();
	});
});
