import type { CheckDefinition } from '../../../engine/types.ts';
import { appAlarmVerdict } from '../facts/app-alarm-verdict.ts';
import { appAlarmReads } from '../facts/app-alarms.ts';

/** Accepts a tail-latency (p90 or higher) alarm on the API's Latency or a function's Duration. */
export const latencyAlarmNotifies: CheckDefinition = {
	id: 'latency-alarm-notifies',
	reads: appAlarmReads,
	evaluate: (view) => appAlarmVerdict(view, 'latency'),
};
