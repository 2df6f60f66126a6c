import type { LoadOptions } from './options.ts';
import type { SentRequest } from './send-request.ts';
import { formatSummary, type LoadSummary, summarize } from './summary.ts';
import { nextRequest, type PlannedRequest } from './traffic-mix.ts';

export interface LoadDependencies {
	send(request: PlannedRequest): Promise<SentRequest>;
	report(line: string): void;
	random(): number;
	/** Milliseconds on a monotonic clock. */
	now(): number;
	sleep(ms: number): Promise<void>;
	/** Aborting stops new requests; the ones in flight still finish and count. */
	signal?: AbortSignal;
}

/** Enough to remember recent orders for reads without growing without bound. */
const RECENT_ORDERS = 100;
/** Past this many unanswered requests the target is clearly struggling; piling on more only hides that. */
const MAX_IN_FLIGHT = 500;

/**
 * Sends requests at a steady rate for the given duration (open loop: a slow response does not slow
 * the schedule down, as with real users), prints a progress line per interval, returns the summary.
 */
export async function runLoad(options: LoadOptions, deps: LoadDependencies): Promise<LoadSummary> {
	const all: SentRequest[] = [];
	let interval: SentRequest[] = [];
	const recentOrderIds: string[] = [];
	const inFlight = new Set<Promise<void>>();
	const gapMs = 1000 / options.rate;
	const start = deps.now();
	const end = start + options.durationSeconds * 1000;
	let nextReport = start + options.reportEverySeconds * 1000;
	let sent = 0;

	const record = (outcome: SentRequest) => {
		all.push(outcome);
		interval.push(outcome);
		if (outcome.orderId) {
			recentOrderIds.push(outcome.orderId);
			if (recentOrderIds.length > RECENT_ORDERS) recentOrderIds.shift();
		}
	};

	while (!deps.signal?.aborted) {
		const due = start + sent * gapMs;
		if (due >= end) break;
		const wait = due - deps.now();
		if (wait > 0) await deps.sleep(wait);
		if (deps.signal?.aborted) break;
		if (inFlight.size < MAX_IN_FLIGHT) {
			const pending = deps.send(nextRequest(recentOrderIds, deps.random)).then(record);
			inFlight.add(pending);
			void pending.finally(() => inFlight.delete(pending));
		} else {
			record({ status: null, latencyMs: 0 });
		}
		sent += 1;
		if (deps.now() >= nextReport) {
			deps.report(formatSummary(`+${Math.round((nextReport - start) / 1000)}s`, summarize(interval)));
			interval = [];
			nextReport += options.reportEverySeconds * 1000;
		}
	}
	await Promise.all(inFlight);
	const summary = summarize(all);
	deps.report(formatSummary('total', summary));
	return summary;
}
