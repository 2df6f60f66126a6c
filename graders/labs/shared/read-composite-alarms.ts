import type { CompositeAlarm } from '../../collectors/cloudwatch/composite-alarms.ts';
import { ReadFailed } from '../../engine/errors.ts';
import type { SnapshotView } from '../../engine/types.ts';

export const compositeAlarmsRead = 'cloudwatch.composite-alarms';

/**
 * Composite alarms, or the failure to read them, for checks that a metric alarm can satisfy without
 * them: they throw the failure only when no metric alarm counted. A snapshot saved before composites
 * were read has none to offer (the engine then grades anything short of a pass as "collect again").
 */
export function readCompositeAlarms(view: SnapshotView): { composites: CompositeAlarm[]; failure: ReadFailed | null } {
	const outcome = view.outcome<CompositeAlarm[]>(compositeAlarmsRead);
	if (!outcome) return { composites: [], failure: null };
	if (!outcome.ok) return { composites: [], failure: new ReadFailed(outcome.error) };
	return { composites: outcome.data, failure: null };
}
