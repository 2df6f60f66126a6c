import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { nextRequest, SKUS } from '../../../../labs/lab3/load/traffic-mix.ts';

const load = createRequire(import.meta.url);
const inventory = load('../../../../labs/lab3/app/services/inventory.cjs') as { CATALOGUE: readonly string[] };

describe('nextRequest', () => {
	it('only orders what the inventory service sells', () => {
		expect([...SKUS]).toEqual([...inventory.CATALOGUE]);
	});

	it('places an order when it knows no order yet', () => {
		const request = nextRequest([], () => 0);
		expect(request).toEqual({ method: 'POST', path: '/orders', body: '{"sku":"sku-kettle","quantity":1}' });
	});

	it('reads back an order it placed about 30 % of the time', () => {
		expect(nextRequest(['a b', 'c'], () => 0.1)).toEqual({ method: 'GET', path: '/orders/a%20b' });
		expect(nextRequest(['a', 'c'], () => 0.3).method).toBe('POST');
	});

	it('keeps quantities within the inventory limit', () => {
		const request = nextRequest([], () => 0.999);
		expect(JSON.parse(request.body ?? '{}')).toEqual({ sku: 'sku-filter', quantity: 3 });
	});
});
