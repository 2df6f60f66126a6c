import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../graders/collectors/rate-limit.ts';

/** A clock that only moves when someone sleeps. */
function fakeClock() {
	let now = 0;
	return {
		now: () => now,
		sleep: async (ms: number) => {
			now += ms;
		},
	};
}

describe('createRateLimiter', () => {
	it('lets a burst up to the limit start at once, then never more than the limit in any second', async () => {
		const clock = fakeClock();
		const limited = createRateLimiter(5, clock);
		const starts = await Promise.all(Array.from({ length: 12 }, () => limited(async () => clock.now())));
		expect(starts.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
		for (let index = 5; index < starts.length; index++) {
			expect((starts[index] as number) - (starts[index - 5] as number)).toBeGreaterThanOrEqual(1000);
		}
	});

	it('passes the call’s result and error through', async () => {
		const limited = createRateLimiter(5, fakeClock());
		await expect(limited(async () => 'page')).resolves.toBe('page');
		await expect(limited(async () => Promise.reject(new Error('Rate exceeded')))).rejects.toThrow('Rate exceeded');
	});
});
