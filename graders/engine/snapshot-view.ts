import { ReadFailed } from './errors.ts';
import type { ReadError, ReadOutcome, Snapshot, SnapshotView } from './types.ts';

/**
 * The read-only face of a snapshot that checks get: failed reads throw ReadFailed. `setAside` receives
 * what a check states it judged without (the engine's FailedReadWatch); elsewhere it is not needed.
 */
export function createSnapshotView(
	snapshot: Snapshot,
	setAside: (failedRead: ReadError, because: string) => void = () => {},
): SnapshotView {
	return {
		setAside,
		accountId: snapshot.accountId,
		region: snapshot.region,
		window: snapshot.window,
		outcome<T>(collectorId: string) {
			return snapshot.reads[collectorId] as ReadOutcome<T> | undefined;
		},
		read<T>(collectorId: string): T {
			const outcome = snapshot.reads[collectorId];
			if (!outcome) {
				throw new ReadFailed({
					kind: 'other',
					service: collectorId.split('.')[0] ?? collectorId,
					operation: collectorId,
					message: `The snapshot has no "${collectorId}" read. Collect a new snapshot with this version of sre-lab.`,
				});
			}
			if (!outcome.ok) throw new ReadFailed(outcome.error);
			return outcome.data as T;
		},
	};
}

/**
 * Unwraps one resource's outcome from a fan-out read, so a check can treat "could not read this log
 * group" as an error rather than as "this log group has nothing".
 */
export function requireOutcome<T>(outcome: ReadOutcome<T>): T {
	if (!outcome.ok) throw new ReadFailed(outcome.error);
	return outcome.data;
}
