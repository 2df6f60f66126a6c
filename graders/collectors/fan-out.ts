import pLimit from 'p-limit';
import { classifyReadError } from '../engine/errors.ts';
import type { PerResource } from '../engine/types.ts';

/**
 * Concurrent reads per resource stay bounded so a large account does not open hundreds of sockets
 * or trip throttling on the first sweep.
 */
export const fanOutConcurrency = 8;

/**
 * Reads something per resource (streams per log group, roles per instance profile) and records each
 * as data or as a typed error, so one unreadable resource does not hide the others.
 */
export async function fanOut<T>(
	keys: readonly string[],
	read: (key: string) => Promise<T>,
	fallback: { service: string; operation: string },
): Promise<PerResource<T>> {
	const limit = pLimit(fanOutConcurrency);
	const entries = await Promise.all(
		[...new Set(keys)].map((key) =>
			limit(async () => {
				try {
					return [key, { ok: true as const, data: await read(key) }] as const;
				} catch (error) {
					return [key, { ok: false as const, error: classifyReadError(error, fallback) }] as const;
				}
			}),
		),
	);
	return Object.fromEntries([...entries].sort(([a], [b]) => a.localeCompare(b)));
}
