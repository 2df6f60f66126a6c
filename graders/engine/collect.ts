import { callerIdentity } from '../collectors/sts/caller-identity.ts';
import type { ClientProvider } from './clients.ts';
import { asServiceNotInRegion, type CallSite, classifyReadError, ReadFailed } from './errors.ts';
import type { CollectContext, Collector, ReadErrorKind, ReadOutcome, Snapshot, TimeWindow } from './types.ts';

export interface CollectOptions {
	/** The reads to perform, including every collector they `need` (`collectorsForLabs` gives a lab's full set). */
	collectors: readonly Collector[];
	clients: ClientProvider;
	region: string;
	window: TimeWindow;
	/** Called as each read finishes (progress display). */
	onRead?: (collectorId: string, outcome: ReadOutcome<unknown>) => void;
	now?: () => Date;
}

/** Failures that no other read in the same account and Region can escape. */
export const accountWideFailures: ReadonlySet<ReadErrorKind> = new Set(['credentials', 'network', 'region']);

/**
 * Checks that every `needs` is supplied and that no collector waits on itself through a cycle
 * (which would never finish); both are programming errors, so they throw.
 */
function withDependencies(requested: readonly Collector[]): Map<string, Collector> {
	const known = new Map(requested.map((collector) => [collector.id, collector]));
	const resolved = new Map<string, Collector>();
	const visiting: string[] = [];
	const add = (collector: Collector) => {
		if (visiting.includes(collector.id)) {
			throw new Error(
				`collectors need each other in a cycle: ${[...visiting.slice(visiting.indexOf(collector.id)), collector.id].join(' → ')}`,
			);
		}
		if (resolved.has(collector.id)) return;
		visiting.push(collector.id);
		for (const need of collector.needs ?? []) {
			const dependency = known.get(need);
			if (!dependency) throw new Error(`collector "${collector.id}" needs "${need}", which was not supplied`);
			add(dependency);
		}
		visiting.pop();
		resolved.set(collector.id, collector);
	};
	for (const collector of requested) add(collector);
	return resolved;
}

/** Where a collector's failure is reported when the error does not say which call failed. */
function fallbackCallSite(collector: Collector, region: string): CallSite {
	const [service = 'unknown', operation = 'unknown'] = (collector.iamActions[0] ?? '').split(':');
	return { service, operation, region };
}

/**
 * Performs the union of the requested reads once, each read as soon as the reads it needs are done
 * (so independent reads run in parallel and the run takes as long as the longest chain of dependent
 * reads), and records every read as data or as a typed error. It never throws for an AWS failure.
 * The caller's identity is always read: it names the account and surfaces credential problems.
 */
export async function collectSnapshot(options: CollectOptions): Promise<Snapshot> {
	const now = options.now ?? (() => new Date());
	const collectors = withDependencies([
		callerIdentity,
		...options.collectors.filter((c) => c.id !== callerIdentity.id),
	]);
	const reads: Record<string, ReadOutcome<unknown>> = {};
	const running = new Map<string, Promise<ReadOutcome<unknown>>>();

	const run = (collector: Collector): Promise<ReadOutcome<unknown>> => {
		const existing = running.get(collector.id);
		if (existing) return existing;
		const promise = (async (): Promise<ReadOutcome<unknown>> => {
			const needs = collector.needs ?? [];
			const needed = await Promise.all(needs.map((id) => run(collectors.get(id) as Collector)));
			const byId = new Map(needs.map((id, index) => [id, needed[index] as ReadOutcome<unknown>]));
			const context: CollectContext = {
				clients: options.clients,
				region: options.region,
				window: options.window,
				need<T>(id: string): T {
					const outcome = byId.get(id);
					if (!outcome) throw new Error(`collector "${collector.id}" did not declare "${id}" in needs`);
					if (!outcome.ok) throw new ReadFailed(outcome.error);
					return outcome.data as T;
				},
			};
			let outcome: ReadOutcome<unknown>;
			try {
				outcome = { ok: true, data: await collector.collect(context) };
			} catch (error) {
				// Once the identity read has reached AWS, a name that does not resolve is a service that has
				// no endpoint in this Region, which the learner cannot fix by checking their network.
				const reachedAws = collector.id !== callerIdentity.id && reads[callerIdentity.id]?.ok === true;
				const thrown = reachedAws ? asServiceNotInRegion(error) : error;
				outcome = { ok: false, error: classifyReadError(thrown, fallbackCallSite(collector, options.region)) };
			}
			reads[collector.id] = outcome;
			options.onRead?.(collector.id, outcome);
			return outcome;
		})();
		running.set(collector.id, promise);
		return promise;
	};

	const collectedAt = now().toISOString();
	// The identity read goes first: without credentials, a network or a usable Region every other read
	// would fail the same way, each only after a full round of retries.
	const identityOutcome = await run(callerIdentity);
	if (!identityOutcome.ok && accountWideFailures.has(identityOutcome.error.kind)) {
		for (const id of collectors.keys()) reads[id] ??= identityOutcome;
	} else {
		await Promise.all([...collectors.values()].map(run));
	}
	const identity = reads[callerIdentity.id];
	return {
		format: 'sre-lab-snapshot',
		version: 1,
		accountId: identity?.ok ? ((identity.data as { account: string | null }).account ?? null) : null,
		region: options.region,
		collectedAt,
		window: options.window,
		reads: Object.fromEntries(
			Object.keys(reads)
				.sort()
				.map((id) => [id, reads[id] as ReadOutcome<unknown>]),
		),
	};
}
