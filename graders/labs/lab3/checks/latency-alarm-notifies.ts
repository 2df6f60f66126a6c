import type { CheckDefinition } from '../../../engine/types.ts';
import { appAlarmReads, describeWatched, judgeAppAlarms } from '../facts/app-alarms.ts';

export const latencyAlarmNotifies: CheckDefinition = {
	id: 'latency-alarm-notifies',
	reads: appAlarmReads,
	evaluate(view) {
		const judged = judgeAppAlarms(view, 'latency');
		if (judged.length === 0) {
			return {
				status: 'fail',
				message: "No alarm watches the application's latency (the API's Latency or a function's Duration).",
			};
		}
		const good = judged.find((judgement) => judgement.problems.length === 0);
		if (!good) {
			return {
				status: 'fail',
				message: `Latency alarms were found but none counts yet: ${judged
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
