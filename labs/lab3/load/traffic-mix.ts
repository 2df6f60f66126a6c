/**
 * What the generator sends: mostly new orders (the write path through both services and DynamoDB),
 * some reads of orders it placed earlier. Pure, with the random source passed in.
 */
export interface PlannedRequest {
	method: 'GET' | 'POST';
	path: string;
	body?: string;
}

/** The catalogue of the inventory service (labs/lab3/app/services/inventory.cjs). */
export const SKUS = ['sku-kettle', 'sku-teapot', 'sku-mug', 'sku-filter'] as const;

const READ_SHARE = 0.3;

export function nextRequest(recentOrderIds: readonly string[], random: () => number): PlannedRequest {
	if (recentOrderIds.length > 0 && random() < READ_SHARE) {
		const id = recentOrderIds[Math.floor(random() * recentOrderIds.length)];
		return { method: 'GET', path: `/orders/${encodeURIComponent(id ?? '')}` };
	}
	const sku = SKUS[Math.floor(random() * SKUS.length)] ?? SKUS[0];
	const quantity = 1 + Math.floor(random() * 3);
	return { method: 'POST', path: '/orders', body: JSON.stringify({ sku, quantity }) };
}
