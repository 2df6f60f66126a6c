import type { CheckDefinition } from '../../../engine/types.ts';
import { appAlarmVerdict } from '../facts/app-alarm-verdict.ts';
import { appAlarmReads } from '../facts/app-alarms.ts';

/**
 * Accepts an alarm on the API's 5xx (whose Average is already the failed share of requests), on a
 * function's Errors, or a metric-math rate built from them: all page on the same user-visible symptom.
 */
export const errorRateAlarmNotifies: CheckDefinition = {
	id: 'error-rate-alarm-notifies',
	reads: appAlarmReads,
	evaluate: (view) => appAlarmVerdict(view, 'errors'),
};
