import type { CheckDefinition } from '../../../engine/types.ts';
import { filterReads, metricKey } from '../facts/filter-behaviour.ts';
import {
	type AlarmJudgement,
	alarmCounts,
	applicationSignalsRead,
	compositeAlarmsRead,
	judgeErrorAlarms,
	type SloAlarmJudgements,
} from '../facts/slo-alarms.ts';

export const alarmReads = [
	...filterReads,
	'cloudwatch.metric-alarms',
	compositeAlarmsRead,
	'ssm.sre-lab-parameters',
	applicationSignalsRead,
] as const;

/**
 * The alarms that count, or a ReadFailed thrown when none counts and a read that could have changed
 * that failed (the composites, the recorded SLO, an Application Signals SLO): never a fail on a guess.
 */
export function countingAlarms({ judged, compositeFailure }: SloAlarmJudgements): AlarmJudgement[] {
	const counting = judged.filter(alarmCounts);
	if (counting.length > 0) return counting;
	if (compositeFailure) throw compositeFailure;
	const unknown = judged.find((judgement) => judgement.unknown)?.unknown;
	if (unknown) throw unknown;
	return [];
}

/**
 * Accepts an alarm whose condition is consistent with the recorded SLO (an error-ratio or burn-rate
 * condition, a composite of such alarms, or an Application Signals SLO burn-rate alarm) and that
 * notifies an SNS topic; says what each candidate would do when none fits.
 */
export const sloAlarmNotifies: CheckDefinition = {
	id: 'slo-alarm-notifies',
	reads: alarmReads,
	evaluate(view) {
		const judgements = judgeErrorAlarms(view);
		const [good] = countingAlarms(judgements);
		if (good) {
			return {
				status: 'pass',
				message: `Alarm "${good.alarmName}" ${good.description}, and notifies ${good.topics.join(', ')}.`,
				evidence: [good.alarmArn, ...good.topics],
			};
		}
		const watched = judgements.errorMetrics.map(metricKey).join(' or ');
		if (judgements.judged.length === 0) {
			return {
				status: 'fail',
				message: `No alarm watches ${watched} (alone or in a metric-math expression), no composite alarm is built on one, and no alarm watches an Application Signals SLO burn rate.`,
			};
		}
		const reasons = judgements.judged.map(
			(judgement) => `"${judgement.alarmName}" ${judgement.description}, but ${judgement.problems.join('; ')}`,
		);
		return {
			status: 'fail',
			message: `No alarm fits the SLO yet. ${reasons.join('. ')}.`,
			evidence: judgements.judged.map((judgement) => judgement.alarmArn),
		};
	},
};
