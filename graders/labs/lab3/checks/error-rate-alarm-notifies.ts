import type { CheckDefinition } from '../../../engine/types.ts';
import { appAlarmReads, describeWatched, judgeAppAlarms } from '../facts/app-alarms.ts';

/**
 * Accepts an alarm on the API's 5xx (whose Average is already the failed share of requests), on a
 * function's Errors, or a metric-math rate built from them: all page on the same user-visible symptom.
 */
export const errorRateAlarmNotifies: CheckDefinition = {
	id: 'error-rate-alarm-notifies',
	reads: appAlarmReads,
	evaluate(view) {
		const judged = judgeAppAlarms(view, 'errors');
		if (judged.length === 0) {
			return {
				status: 'fail',
				message: "No alarm watches the application's errors (the API's 5xx or a function's Errors).",
			};
		}
		const good = judged.find((judgement) => judgement.problems.length === 0);
		if (!good) {
			return {
				status: 'fail',
				message: `Error alarms were found but none counts yet: ${judged
					.map((judgement) => `"${judgement.alarm.alarmName}": ${judgement.problems.join(', ')}`)
					.join('; ')}.`,
				evidence: judged.map((judgement) => judgement.alarm.alarmArn),
			};
		}
		return {
			status: 'pass',
			message: `Alarm "${good.alarm.alarmName}" watches ${describeWatched(good)} and notifies ${good.topics.join(', ')}.`,
			evidence: [good.alarm.alarmArn, ...good.topics],
		};
	},
};
