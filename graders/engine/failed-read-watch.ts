import type { ReadError, Snapshot } from './types.ts';

/**
 * Which failed reads a check looked at while it judged: the engine's half of the rule "a `fail` only
 * when what is missing is known to be absent" (see evaluate.ts and docs/graders.md).
 *
 * A failed read is an outcome `{ ok: false, error }`: a whole read (`snapshot.reads[id]`) or one
 * resource of a per-resource read, at any depth (one log group's streams, one role's simulation).
 * The watched snapshot is a copy in which each of those is a transparent proxy that notes the
 * check running when anything asks it something (`.ok`, `.error`, `.data`, its keys): reading
 * `if (!outcome.ok)` is looking. A check that never looks at an outcome (a resource it ruled out by
 * its key, a read it did not need because an earlier one settled the verdict) does not rest on it.
 */
export interface FailedReadWatch {
	/** The snapshot to give the checks: equal in content to the original. */
	readonly snapshot: Snapshot;
	/** The running check states that its verdict does not depend on this failed read (SnapshotView.setAside). */
	setAside(failedRead: ReadError, because: string): void;
	/**
	 * Runs one check and returns the failed reads it looked at and did not set aside, in the order it
	 * first looked.
	 */
	watch<T>(run: () => T): { unsettled: ReadError[]; result: { value: T } | { thrown: unknown } };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const isPlainOrArray = (value: object) => {
	const prototype = Object.getPrototypeOf(value);
	return Array.isArray(value) || prototype === Object.prototype || prototype === null;
};

function isFailedOutcome(value: unknown): value is { ok: false; error: ReadError } {
	return (
		isObject(value) &&
		value.ok === false &&
		isObject(value.error) &&
		typeof value.error.kind === 'string' &&
		typeof value.error.message === 'string'
	);
}

export function watchFailedReads(snapshot: Snapshot): FailedReadWatch {
	let current: { looked: Set<ReadError>; setAside: ReadError[] } | undefined;
	const note = (error: ReadError) => current?.looked.add(error);

	const observed = (outcome: { ok: false; error: ReadError }) => {
		const { error } = outcome;
		return new Proxy(
			{ ...outcome },
			{
				get(target, key, receiver) {
					note(error);
					return Reflect.get(target, key, receiver);
				},
				has(target, key) {
					note(error);
					return Reflect.has(target, key);
				},
				ownKeys(target) {
					note(error);
					return Reflect.ownKeys(target);
				},
			},
		);
	};

	// A structured clone keeps the snapshot's plain data as it is (and as fast to read as the original);
	// then each failed outcome in it is swapped for its observed twin, in place.
	const observeWithin = (value: unknown): void => {
		if (typeof value !== 'object' || value === null || !isPlainOrArray(value)) return;
		const children = value as Record<string, unknown>;
		for (const key of Object.keys(children)) {
			const child = children[key];
			if (isFailedOutcome(child)) children[key] = observed(child);
			else observeWithin(child);
		}
	};
	const reads = structuredClone(snapshot.reads);
	observeWithin(reads);

	return {
		snapshot: { ...snapshot, reads },
		setAside(failedRead, because) {
			if (!because.trim())
				throw new Error('a failed read is set aside only with the reason why the verdict does not depend on it');
			current?.setAside.push(failedRead);
		},
		watch<T>(run: () => T) {
			const outer = current;
			const seen = { looked: new Set<ReadError>(), setAside: [] as ReadError[] };
			current = seen;
			// A set-aside read is matched by identity (the error object the check was given): per-resource
			// failures of one operation often carry word-for-word the same advice (every throttled log
			// group's streams), so equal content must not let one resource's set-aside settle another's.
			const unsettled = () => [...seen.looked].filter((error) => !seen.setAside.includes(error));
			try {
				const value = run();
				return { unsettled: unsettled(), result: { value } };
			} catch (thrown) {
				return { unsettled: unsettled(), result: { thrown } };
			} finally {
				current = outer;
			}
		},
	};
}
