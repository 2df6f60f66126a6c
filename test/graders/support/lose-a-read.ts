import type { ReadError, ReadErrorKind, ReadOutcome, Snapshot } from '../../../graders/engine/types.ts';

/**
 * The ways a read fails that say nothing about the account: the grader was refused, AWS throttled it
 * after every retry, or the network dropped it. (`not-implemented` and `region` are left out: some
 * checks rightly read them as "the service is not there", e.g. Application Signals in a Region
 * without it.) The messages follow engine/errors.ts.
 */
export const readFailureKinds = ['access-denied', 'throttled', 'network'] as const satisfies readonly ReadErrorKind[];
export type ReadFailureKind = (typeof readFailureKinds)[number];

export function readFailure(kind: ReadFailureKind, where: string): ReadError {
	const [service = where] = where.split('.');
	const action = `${service}:${where}`;
	const message = {
		'access-denied': `Access denied for ${action}. Grant it to the identity running the grader (\`sre-lab policy\` prints every action the graders need).`,
		throttled: `AWS kept throttling ${action} after 3 attempts. Wait a minute and run the grader again.`,
		network: `Could not reach the ${service} endpoint (ECONNRESET). Check your network connection or --endpoint-url.`,
	}[kind];
	return { kind, service, operation: where, action, message };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const isOutcome = (value: unknown): value is ReadOutcome<unknown> =>
	isObject(value) && typeof value.ok === 'boolean' && ('data' in value || 'error' in value);

/** A copy of `value` with the successful outcome at `path` (keys from the read's data down) replaced by `error`. */
function replaceAt(value: unknown, path: readonly string[], error: ReadError): unknown {
	if (path.length === 0) return { ok: false, error };
	const [key, ...rest] = path as [string, ...string[]];
	if (Array.isArray(value))
		return value.map((item, index) => (String(index) === key ? replaceAt(item, rest, error) : item));
	if (isObject(value)) return { ...value, [key]: replaceAt(value[key], rest, error) };
	throw new Error(`no ${key} in the snapshot`);
}

/** Paths (below the read itself) of every successful outcome nested in a read's data, at any depth. */
function nestedOutcomes(value: unknown, path: readonly string[] = []): string[][] {
	const children: [string, unknown][] = Array.isArray(value)
		? value.map((item, index) => [String(index), item])
		: isObject(value)
			? Object.entries(value)
			: [];
	return children.flatMap(([key, child]) => {
		const here = [...path, key];
		const below = nestedOutcomes(child, here);
		return isOutcome(child) && child.ok ? [here, ...below] : below;
	});
}

export interface LostRead {
	/** e.g. `logs.recent-log-streams` or `logs.recent-log-streams › data › /sre-lab/lab1/access`. */
	what: string;
	snapshot: Snapshot;
}

/**
 * Every way of losing one read of a snapshot: a whole read, or one resource of a per-resource read
 * (one log group's streams, one role's simulation…) at any depth, failing with `kind`, or with each
 * kind in turn (`rotate`: the checks judge every kind alike, so this covers them at a third of the cost).
 */
export function withOneReadLost(snapshot: Snapshot, kind: ReadFailureKind | 'rotate'): LostRead[] {
	let turn = 0;
	const failure = (read: string) =>
		readFailure(
			kind === 'rotate' ? (readFailureKinds[turn++ % readFailureKinds.length] as ReadFailureKind) : kind,
			read,
		);
	return Object.entries(snapshot.reads).flatMap(([read, outcome]) => {
		if (!outcome.ok) return [];
		const whole: LostRead = {
			what: read,
			snapshot: { ...snapshot, reads: { ...snapshot.reads, [read]: { ok: false, error: failure(read) } } },
		};
		const parts = nestedOutcomes(outcome).map((path) => ({
			what: [read, ...path].join(' › '),
			snapshot: {
				...snapshot,
				reads: { ...snapshot.reads, [read]: replaceAt(outcome, path, failure(read)) as ReadOutcome<unknown> },
			},
		}));
		return [whole, ...parts];
	});
}

/**
 * States between two snapshots of the same account: `to` with one read taken from `from`, for every
 * read they both hold. From a passing and a failing fixture, these are learners part-way through.
 */
export function betweenSnapshots(from: Snapshot, to: Snapshot): { what: string; snapshot: Snapshot }[] {
	return Object.keys(to.reads)
		.filter((read) => read in from.reads && JSON.stringify(from.reads[read]) !== JSON.stringify(to.reads[read]))
		.map((read) => ({
			what: `${read} as in the other fixture`,
			snapshot: { ...to, reads: { ...to.reads, [read]: from.reads[read] as ReadOutcome<unknown> } },
		}));
}
