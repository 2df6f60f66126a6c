import type { MetricAlarm } from '../../../collectors/cloudwatch/metric-alarms.ts';
import type { Parameter } from '../../../collectors/ssm/sre-lab-parameters.ts';
import type { SnapshotView } from '../../../engine/types.ts';
import { watchedMetrics } from '../../shared/alarm-metrics.ts';
import { errorMetrics, type FilterMetric, metricKey, requestMetrics } from './filter-behaviour.ts';
import { labDefaultObjective, readSloParameter } from './slo-record.ts';

/**
 * Google's SRE workbook pages on a burn rate of 14.4 (2 % of a 30-day budget in one hour). An
 * alarm on an error or availability ratio is consistent with the SLO when it fires at or below that
 * burn rate, i.e. before the error rate reaches 14.4 × (1 − objective).
 */
export const maxBurnRate = 14.4;

export interface AlarmJudgement {
	alarm: MetricAlarm;
	/** SNS topics among the alarm actions. */
	topics: string[];
	/** Empty when the alarm fits; otherwise why not. */
	problems: string[];
	description: string;
}

const watchedMetricKeys = (alarm: MetricAlarm): string[] => watchedMetrics(alarm).map(metricKey);

const raises = (operator: string) =>
	operator === 'GreaterThanThreshold' || operator === 'GreaterThanOrEqualToThreshold';
const lowers = (operator: string) => operator === 'LessThanThreshold' || operator === 'LessThanOrEqualToThreshold';

/** The objective to judge thresholds against: the learner's recorded SLO, else the lab's. */
export function objectiveInForce(view: SnapshotView): number {
	const outcome = view.outcome<Parameter[]>('ssm.sre-lab-parameters');
	if (!outcome?.ok) return labDefaultObjective;
	const reading = readSloParameter(outcome.data);
	return reading.state === 'recorded' ? reading.record.objective : labDefaultObjective;
}

/**
 * Whether a ratio alarm works in percent or in fractions: an expression that multiplies by 100
 * is in percent; otherwise a threshold above 1 can only be a percentage.
 */
function ratioScale(alarm: MetricAlarm, threshold: number): number {
	const expression = alarm.metrics.find((query) => query.returnData && query.expression)?.expression ?? '';
	if (/(^|[^\d.])100\s*\*|\*\s*100(?![\d.])/.test(expression)) return 100;
	return Math.abs(threshold) > 1 ? 100 : 1;
}

function thresholdProblems(
	alarm: MetricAlarm,
	isRatio: boolean,
	objective: number,
): { problems: string[]; description: string } {
	const threshold = alarm.threshold;
	const operator = alarm.comparisonOperator;
	if (threshold === null) return { problems: ['it has no static threshold'], description: 'anomaly band' };
	if (!isRatio) {
		// A count of 5xx responses: any threshold that fires on errors is defensible for a small lab
		// server; ">= 0" would fire on a quiet minute, so it is not.
		const fires =
			(operator === 'GreaterThanThreshold' && threshold >= 0) ||
			(operator === 'GreaterThanOrEqualToThreshold' && threshold > 0);
		return {
			problems: fires ? [] : [`${operator} ${threshold} does not fire on a rising error count`],
			description: `5xx count ${operator} ${threshold}`,
		};
	}
	const budget = 1 - objective / 100;
	const scale = ratioScale(alarm, threshold);
	const fraction = threshold / scale;
	if (lowers(operator)) {
		const errorRate = 1 - fraction;
		const ok = fraction < 1 && fraction > 0 && errorRate <= maxBurnRate * budget + 1e-12;
		return {
			problems: ok ? [] : [`availability threshold ${threshold} is far from the ${objective} % objective`],
			description: `availability ${operator} ${threshold}`,
		};
	}
	if (raises(operator)) {
		const ok =
			fraction >= 0 &&
			fraction <= maxBurnRate * budget + 1e-12 &&
			!(operator === 'GreaterThanOrEqualToThreshold' && fraction === 0);
		return {
			problems: ok
				? []
				: [
						`error-rate threshold ${threshold} lets more than ${maxBurnRate}× the budget burn for a ${objective} % objective`,
					],
			description: `error rate ${operator} ${threshold}`,
		};
	}
	return { problems: [`unsupported comparison ${operator}`], description: operator };
}

/** Alarms that watch the 5xx metric (alone or in metric math), judged for threshold and notification. */
export function judgeErrorAlarms(view: SnapshotView): { errorMetrics: FilterMetric[]; judged: AlarmJudgement[] } {
	const errors = errorMetrics(view);
	const errorKeys = new Set(errors.map(metricKey));
	const requestKeys = new Set(requestMetrics(view).map(metricKey));
	const objective = objectiveInForce(view);
	const judged = view
		.read<MetricAlarm[]>('cloudwatch.metric-alarms')
		.filter((alarm) => watchedMetricKeys(alarm).some((key) => errorKeys.has(key)))
		.map((alarm) => {
			const keys = watchedMetricKeys(alarm);
			const isRatio =
				alarm.metrics.some((query) => query.expression !== null) && keys.some((key) => requestKeys.has(key));
			const { problems, description } = thresholdProblems(alarm, isRatio, objective);
			const topics = alarm.alarmActions.filter((action) => action.startsWith('arn:aws') && action.includes(':sns:'));
			if (topics.length === 0) problems.push('it has no SNS topic among its alarm actions');
			else if (!alarm.actionsEnabled) problems.push('its actions are disabled');
			return { alarm, topics, problems, description };
		});
	return { errorMetrics: errors, judged };
}
