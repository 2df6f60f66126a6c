/**
 * Spaces the starts of calls so that no more than `perSecond` begin in any one-second window: a
 * burst up to the limit goes out at once, later calls wait for the oldest start to leave the window.
 * Some APIs have a low account-wide quota (CloudWatch Logs DescribeLogStreams: 5 transactions per
 * second per account and Region); a collector creates one limiter per collection, that is, per account.
 */
export function createRateLimiter(
	perSecond: number,
	clock: { now: () => number; sleep: (ms: number) => Promise<void> } = {
		now: () => Date.now(),
		sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
	},
): <T>(call: () => Promise<T>) => Promise<T> {
	const starts: number[] = [];
	let queue: Promise<void> = Promise.resolve();
	const takeSlot = async () => {
		if (starts.length >= perSecond) {
			const wait = (starts[starts.length - perSecond] as number) + 1000 - clock.now();
			if (wait > 0) await clock.sleep(wait);
		}
		starts.push(clock.now());
		if (starts.length > perSecond) starts.splice(0, starts.length - perSecond);
	};
	return async (call) => {
		// Slots are handed out one at a time, in call order.
		const slot = queue.then(takeSlot);
		queue = slot;
		await slot;
		return call();
	};
}
