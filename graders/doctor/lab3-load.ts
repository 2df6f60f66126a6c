/**
 * How much Lambda concurrency Lab 3's load needs while the latency fault is on. Pure.
 *
 * Concurrency is arrival rate × time each request keeps a function busy (Little's law; it is also how
 * AWS says to size a concurrency quota). With the fault on:
 * - the inventory function sleeps 1.5–2.5 s before its own work (labs/lab3/app/services/fault-switch.cjs);
 * - the orders function invokes inventory synchronously and waits for it, then does its own work
 *   (labs/lab3/app/services/orders.cjs), so it is busy at least as long.
 * The estimate takes the slowest delay and counts every request as an order (the load generator's
 * reads skip the inventory function, but its first requests are all orders): it errs high, because
 * running short of concurrency throttles calls into 5xx errors and fires the error-rate alarm during
 * what should be a latency-only experiment.
 */

/** The latency fault's longest added delay, in seconds. */
export const faultDelayMaxSeconds = 2.5;
/** A warm call's own work (a DynamoDB write, the Invoke hop), rounded up. */
export const ownWorkSeconds = 0.15;
/** The rate the Lab 3 page starts the load generator with (`--rate 5`). */
export const lab3PageRate = 5;

/** Seconds of Lambda execution one request costs: inventory's, plus orders' (which spans inventory's). */
export const busySecondsPerRequest =
	faultDelayMaxSeconds + ownWorkSeconds + (faultDelayMaxSeconds + 2 * ownWorkSeconds);

/** Concurrent executions the two functions need at `rate` requests per second. */
export function concurrencyNeeded(rate: number): number {
	return Math.ceil(rate * busySecondsPerRequest - 1e-9);
}

/** The highest whole `--rate` that fits in `available` concurrent executions, or 0 when even 1 does not. */
export function highestRateWithin(available: number): number {
	return Math.max(0, Math.floor(available / busySecondsPerRequest + 1e-9));
}
