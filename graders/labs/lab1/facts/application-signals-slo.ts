import type {
	ServiceLevelObjective,
	SloInterval,
} from '../../../collectors/application-signals/service-level-objectives.ts';
import { ReadFailed } from '../../../engine/errors.ts';
import type { PerResource, ReadError, ReadErrorKind, SnapshotView } from '../../../engine/types.ts';

export const applicationSignalsRead = 'application-signals.service-level-objectives';

/**
 * Read failures that mean Application Signals is not there to be used (an emulator without the API,
 * a Region name the service has no endpoint for), rather than "the grader could not look".
 */
const unavailableKinds: ReadonlySet<ReadErrorKind> = new Set(['not-implemented', 'region']);

export type ApplicationSignalsReading =
	/** The endpoint or Region does not offer the service. */
	| { state: 'unavailable'; reason: string; error: ReadError }
	| { state: 'could-not-read'; error: ReadFailed }
	| { state: 'read'; complete: ServiceLevelObjective[]; incomplete: ServiceLevelObjective[]; failed: ReadFailed[] };

const plural = (count: number, unit: string) => `${count} ${unit.toLowerCase()}${count === 1 ? '' : 's'}`;

export function describeInterval(interval: SloInterval): string {
	const span = plural(interval.duration, interval.unit);
	if (interval.kind === 'rolling') return `a rolling ${span}`;
	return `calendar periods of ${span}${interval.startTime ? ` from ${interval.startTime.slice(0, 10)}` : ''}`;
}

/** Sorts the account's Application Signals SLOs into those with a goal and interval, and the rest. */
export function readApplicationSignalsSlos(view: SnapshotView): ApplicationSignalsReading {
	// A snapshot saved before the graders read Application Signals has no outcome: `read` throws, and
	// the engine grades such a check as "collect again" unless it passes (see engine/evaluate.ts).
	const outcome = view.outcome<PerResource<ServiceLevelObjective>>(applicationSignalsRead) ?? {
		ok: true as const,
		data: view.read<PerResource<ServiceLevelObjective>>(applicationSignalsRead),
	};
	if (!outcome.ok) {
		if (unavailableKinds.has(outcome.error.kind))
			return { state: 'unavailable', reason: outcome.error.message, error: outcome.error };
		return { state: 'could-not-read', error: new ReadFailed(outcome.error) };
	}
	const complete: ServiceLevelObjective[] = [];
	const incomplete: ServiceLevelObjective[] = [];
	const failed: ReadFailed[] = [];
	for (const perSlo of Object.values(outcome.data)) {
		if (!perSlo.ok) failed.push(new ReadFailed(perSlo.error));
		else if (perSlo.data.attainmentGoal !== null && perSlo.data.interval !== null) complete.push(perSlo.data);
		else incomplete.push(perSlo.data);
	}
	return { state: 'read', complete, incomplete, failed };
}
