/**
 * Counts API calls per service and operation, and the attempts they took, so `--verbose` can show
 * what a grading run cost and where the SDK had to retry.
 */
export interface CallCount {
	service: string;
	operation: string;
	calls: number;
	attempts: number;
	failures: number;
}

export interface CallCounter {
	recordCall(service: string, operation: string): void;
	recordAttempt(service: string, operation: string): void;
	recordFailure(service: string, operation: string): void;
	/** Sorted by service, then operation. */
	counts(): CallCount[];
	totalCalls(): number;
}

export function createCallCounter(): CallCounter {
	const table = new Map<string, CallCount>();
	const entry = (service: string, operation: string): CallCount => {
		const key = `${service}:${operation}`;
		let count = table.get(key);
		if (!count) {
			count = { service, operation, calls: 0, attempts: 0, failures: 0 };
			table.set(key, count);
		}
		return count;
	};
	return {
		recordCall: (service, operation) => {
			entry(service, operation).calls++;
		},
		recordAttempt: (service, operation) => {
			entry(service, operation).attempts++;
		},
		recordFailure: (service, operation) => {
			entry(service, operation).failures++;
		},
		counts: () =>
			[...table.values()]
				.map((count) => ({ ...count }))
				.sort((a, b) => a.service.localeCompare(b.service) || a.operation.localeCompare(b.operation)),
		totalCalls: () => [...table.values()].reduce((sum, count) => sum + count.calls, 0),
	};
}
