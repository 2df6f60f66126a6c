import type { CheckDefinition } from '../../../engine/types.ts';
import { filterReads, metricKey } from '../facts/filter-behaviour.ts';
import { judgeErrorAlarms } from '../facts/slo-alarms.ts';

export const alarmReads = [...filterReads, 'cloudwatch.metric-alarms', 'ssm.sre-lab-parameters'] as const;

export const sloAlarmNotifies: CheckDefinition = {
	id: 'slo-alarm-notifies',
	reads: alarmReads,
	evaluate(view) {
		const { errorMetrics, judged } = judgeErrorAlarms(view);
		const watched = errorMetrics.map(metricKey).join(' or ');
		if (judged.length === 0) {
			return { status: 'fail', message: `No alarm watches ${watched}, alone or in a metric-math expression.` };
		}
		const good = judged.find((judgement) => judgement.problems.length === 0);
		if (!good) {
			const reasons = judged.map((judgement) => `"${judgement.alarm.alarmName}": ${judgement.problems.join(', ')}`);
			return {
				status: 'fail',
				message: `Alarms on ${watched} were found but none fits: ${reasons.join('; ')}.`,
				evidence: judged.map((judgement) => judgement.alarm.alarmName),
			};
		}
		return {
			status: 'pass',
			message: `Alarm "${good.alarm.alarmName}" fires on ${good.description} and notifies ${good.topics.join(', ')}.`,
			evidence: [good.alarm.alarmArn, ...good.topics],
		};
	},
};
