import type { MetricAlarm } from '../../../collectors/cloudwatch/metric-alarms.ts';
import type { ReadFailed } from '../../../engine/errors.ts';
import { watchedMetrics } from '../../shared/alarm-metrics.ts';
import {
	type BurnCondition,
	budgetedErrorRatio,
	burnProblems,
	burnRate,
	describeBurn,
	describeShare,
	formatMinutes,
	formatPercent,
	round,
} from './burn-rate.ts';
import { metricKey } from './filter-behaviour.ts';

/** The SLO an alarm is judged against, and where it came from (for messages). */
export interface SloTarget {
	objective: number;
	windowDays: number;
	/** e.g. "your 99.9 % SLO" or "the lab's 99.9 % SLO (/sre-lab/lab1/slo is not recorded)". */
	label: string;
}

/** What one metric alarm's condition means for the SLO. */
export interface ConditionJudgement {
	/** What the alarm would do, in the learner's terms: "pages after a single 5xx in 5 minutes". */
	description: string;
	/** The burn rate and window it fires at, when it is a ratio or burn-rate condition. */
	burn: BurnCondition | null;
	/** Why it is not consistent with the SLO; empty when it is. */
	problems: string[];
	/** A read this judgement needs that failed: the condition cannot be judged. */
	unknown: ReadFailed | null;
}

/** An Application Signals SLO as the burn-rate alarms need it: null window when it has no interval. */
export type ApplicationSignalsLookup = (
	sloName: string,
) => { found: true; windowDays: number | null } | { found: false } | { failed: ReadFailed };

export interface ConditionContext {
	errorKeys: ReadonlySet<string>;
	requestKeys: ReadonlySet<string>;
	/** Throws ReadFailed when the recorded SLO could not be read. */
	slo: () => SloTarget;
	applicationSignalsSlo: ApplicationSignalsLookup;
}

const raises = (operator: string) =>
	operator === 'GreaterThanThreshold' || operator === 'GreaterThanOrEqualToThreshold';
const lowers = (operator: string) => operator === 'LessThanThreshold' || operator === 'LessThanOrEqualToThreshold';

/** Application Signals publishes one BurnRate metric per SLO and look-back window. */
export const isApplicationSignalsBurnRateAlarm = (alarm: MetricAlarm): boolean =>
	alarm.namespace === 'AWS/ApplicationSignals' && alarm.metricName === 'BurnRate';

/** Seconds per data point: the alarm's own period, or its metric-math queries' (all alike in practice). */
function periodSeconds(alarm: MetricAlarm): number | null {
	if (alarm.period) return alarm.period;
	const periods = alarm.metrics.flatMap((query) => (query.period ? [query.period] : []));
	return periods.length > 0 ? Math.max(...periods) : null;
}

/** How long the condition must hold before the alarm fires: period × datapoints to alarm (M of N). */
export function alarmWindowMinutes(alarm: MetricAlarm): number | null {
	const seconds = periodSeconds(alarm);
	if (seconds === null) return null;
	const datapoints = alarm.datapointsToAlarm ?? alarm.evaluationPeriods;
	return (seconds * Math.max(1, datapoints)) / 60;
}

const returnedExpression = (alarm: MetricAlarm): string =>
	alarm.metrics.find((query) => query.returnData && query.expression)?.expression ?? '';

/**
 * Whether a ratio works in percent or in fractions: percent when one of the alarm's expressions
 * scales by 100 (`100 * …`, `… * 100.0`, `… / (requests / 100)`, `1e2`), possibly in a query the
 * returned one builds on. Otherwise the ratio lies between 0 and 1, whatever its threshold says.
 */
function ratioScale(alarm: MetricAlarm): number {
	const scalesBy100 = /(?<![\d.])(?:100(?:\.0+)?|1e\+?2)(?![\d.])/i;
	return alarm.metrics.some((query) => query.expression !== null && scalesBy100.test(query.expression)) ? 100 : 1;
}

/**
 * A fraction (0 to 1) compared with a percent-like threshold above 1: it never rises above it (the
 * alarm never pages) or is always below it (always in ALARM). Null when the threshold can be reached.
 */
function unreachableThreshold(expression: string, operator: string, threshold: number): ConditionJudgement | null {
	if (threshold <= 1 || !(raises(operator) || lowers(operator))) return null;
	const fraction = `${expression || 'its expression'} is a fraction between 0 and 1`;
	return {
		description: raises(operator)
			? `never pages: ${fraction}, which never rises above ${round(threshold)}`
			: `is always in ALARM: ${fraction}, which is always below ${round(threshold)}`,
		burn: null,
		problems: [
			`write the threshold as a fraction (${round(threshold / 100)} for ${round(threshold)} %) or multiply the expression by 100`,
		],
		unknown: null,
	};
}

/**
 * An expression that already divides the error ratio by the budgeted error ratio (`errors / requests
 * / 0.001`, or `… * 1000`) is a burn rate: its threshold is the burn rate itself.
 */
export function computesBurnRate(expression: string, objective: number): boolean {
	const budget = budgetedErrorRatio(objective);
	const near = (value: number, target: number) => Math.abs(value - target) <= target * 0.01;
	for (const match of expression.matchAll(/([/*])\s*\(?\s*(\d+(?:\.\d+)?(?:e-?\d+)?)\s*\)?/gi)) {
		const value = Number(match[2]);
		if (match[1] === '/' && near(value, budget)) return true;
		if (match[1] === '*' && near(value, 1 / budget)) return true;
	}
	return false;
}

const over = (windowMinutes: number | null) =>
	windowMinutes === null ? 'over its period' : `over ${formatMinutes(windowMinutes)}`;

/** A plain count of 5xx responses: says nothing about the SLO, whatever its threshold. */
function countCondition(alarm: MetricAlarm, threshold: number): ConditionJudgement {
	const windowMinutes = alarmWindowMinutes(alarm);
	const within = windowMinutes === null ? 'in one period' : `within ${formatMinutes(windowMinutes)}`;
	const operator = alarm.comparisonOperator;
	const single =
		(operator === 'GreaterThanThreshold' && threshold >= 0 && threshold < 1) ||
		(operator === 'GreaterThanOrEqualToThreshold' && threshold > 0 && threshold <= 1);
	let description: string;
	if (single) description = `pages after a single 5xx ${within}, whatever the traffic`;
	else if (raises(operator) && threshold > 0)
		description = `pages when ${operator === 'GreaterThanThreshold' ? 'more than' : 'at least'} ${round(threshold)} 5xx responses arrive ${within}, whatever the traffic`;
	else if (raises(operator)) description = 'is in ALARM even when no request fails';
	else description = `never pages on rising errors (${operator} ${threshold})`;
	return {
		description,
		burn: null,
		problems: [
			'a count of 5xx responses does not follow the SLO (the same count is an outage at low traffic and noise at high traffic): alarm on the error ratio errors / requests, or its burn rate',
		],
		unknown: null,
	};
}

function ratioCondition(alarm: MetricAlarm, threshold: number, slo: SloTarget): ConditionJudgement {
	const expression = returnedExpression(alarm);
	const windowMinutes = alarmWindowMinutes(alarm);
	const operator = alarm.comparisonOperator;
	const condition = (rate: number): BurnCondition => ({ burnRate: rate, windowMinutes, sloWindowDays: slo.windowDays });
	if (raises(operator) && computesBurnRate(expression, slo.objective)) {
		const burn = condition(Math.max(0, threshold));
		return {
			description: `pages when the burn rate ${over(windowMinutes)} exceeds ${round(threshold)}× the budget of ${slo.label}${describeShare(burn)}`,
			burn,
			problems: burnProblems(burn),
			unknown: null,
		};
	}
	const scale = ratioScale(alarm);
	if (scale === 1) {
		const unreachable = unreachableThreshold(expression, operator, threshold);
		if (unreachable) return unreachable;
	}
	const fraction = threshold / scale;
	let errorRatio: number;
	let measured: string;
	if (raises(operator)) {
		errorRatio = fraction;
		measured = `the error ratio ${over(windowMinutes)} exceeds ${formatPercent(errorRatio)}`;
	} else if (lowers(operator)) {
		errorRatio = 1 - fraction;
		measured = `availability ${over(windowMinutes)} falls below ${formatPercent(fraction)} (an error ratio above ${formatPercent(errorRatio)})`;
	} else {
		return {
			description: `compares with ${operator}`,
			burn: null,
			problems: [`unsupported comparison ${operator}`],
			unknown: null,
		};
	}
	if (errorRatio < 0 || errorRatio > 1) {
		return {
			description: `compares the ratio with ${threshold}`,
			burn: null,
			problems: [`a threshold of ${threshold} is not a ratio between 0 and 1 (or 0 and 100 %)`],
			unknown: null,
		};
	}
	const burn = condition(burnRate(errorRatio, slo.objective));
	const single = errorRatio === 0 ? ', i.e. after a single 5xx' : '';
	return {
		description: `pages when ${measured}${single}: ${describeBurn(burn, slo.label)}`,
		burn,
		problems: burnProblems(burn),
		unknown: null,
	};
}

function applicationSignalsCondition(alarm: MetricAlarm, context: ConditionContext): ConditionJudgement {
	const sloName = alarm.dimensions.SloName ?? '';
	const lookBack = Number(alarm.dimensions.BurnRateWindowMinutes);
	const alarmWindow = alarmWindowMinutes(alarm);
	const windowMinutes = Math.max(Number.isFinite(lookBack) ? lookBack : 0, alarmWindow ?? 0) || null;
	const threshold = alarm.threshold;
	const base = { burn: null, unknown: null };
	const lookup = context.applicationSignalsSlo(sloName);
	if ('failed' in lookup)
		return { ...base, description: `watches the burn rate of "${sloName}"`, problems: [], unknown: lookup.failed };
	if (!lookup.found) {
		return {
			...base,
			description: `watches the burn rate of "${sloName}"`,
			problems: [`there is no Application Signals SLO named "${sloName}"`],
		};
	}
	if (threshold === null || !raises(alarm.comparisonOperator)) {
		return {
			...base,
			description: `watches the burn rate of "${sloName}"`,
			problems: ['it must fire when the burn rate rises above a static threshold'],
		};
	}
	const burn: BurnCondition = { burnRate: threshold, windowMinutes, sloWindowDays: lookup.windowDays ?? 30 };
	return {
		description: `pages when the burn rate of the Application Signals SLO "${sloName}" ${over(windowMinutes)} exceeds ${round(threshold)}×${lookup.windowDays === null ? '' : describeShare(burn)}`,
		burn,
		problems: burnProblems(burn),
		unknown: null,
	};
}

/** Whether the alarm is about the SLO at all: it reads the 5xx metric, or an Application Signals burn rate. */
export function isSloAlarm(alarm: MetricAlarm, errorKeys: ReadonlySet<string>): boolean {
	return (
		isApplicationSignalsBurnRateAlarm(alarm) || watchedMetrics(alarm).some((metric) => errorKeys.has(metricKey(metric)))
	);
}

/** Judges one metric alarm's condition against the SLO. */
export function judgeCondition(alarm: MetricAlarm, context: ConditionContext): ConditionJudgement {
	if (isApplicationSignalsBurnRateAlarm(alarm)) return applicationSignalsCondition(alarm, context);
	const threshold = alarm.threshold;
	if (threshold === null) {
		return {
			description: 'fires outside an anomaly-detection band',
			burn: null,
			problems: ['an anomaly band learns what is normal, not what the SLO allows: use a static threshold'],
			unknown: null,
		};
	}
	const keys = watchedMetrics(alarm).map(metricKey);
	const isRatio =
		alarm.metrics.some((query) => query.expression !== null) && keys.some((key) => context.requestKeys.has(key));
	if (!isRatio) return countCondition(alarm, threshold);
	let slo: SloTarget;
	try {
		slo = context.slo();
	} catch (error) {
		return { description: 'watches the error ratio', burn: null, problems: [], unknown: error as ReadFailed };
	}
	return ratioCondition(alarm, threshold, slo);
}
