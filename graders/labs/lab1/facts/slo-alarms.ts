import type { SloInterval } from '../../../collectors/application-signals/service-level-objectives.ts';
import type { CompositeAlarm } from '../../../collectors/cloudwatch/composite-alarms.ts';
import type { MetricAlarm } from '../../../collectors/cloudwatch/metric-alarms.ts';
import type { Parameter } from '../../../collectors/ssm/sre-lab-parameters.ts';
import { ReadFailed } from '../../../engine/errors.ts';
import type { SnapshotView } from '../../../engine/types.ts';
import { snsTopicsOf } from '../../shared/alarm-actions.ts';
import { watchedMetrics } from '../../shared/alarm-metrics.ts';
import { parseAlarmRule } from '../../shared/alarm-rule.ts';
import { compositeMembers, compositeTriggers } from '../../shared/composite-triggers.ts';
import { compositeAlarmsRead, readCompositeAlarms } from '../../shared/read-composite-alarms.ts';
import {
	type ApplicationSignalsLookup,
	type ConditionContext,
	type ConditionJudgement,
	isSloAlarm,
	judgeCondition,
	type SloTarget,
} from './alarm-conditions.ts';
import { applicationSignalsRead, readApplicationSignalsSlos } from './application-signals-slo.ts';
import { type BurnCondition, burnProblems, describeShare, formatMinutes, round } from './burn-rate.ts';
import {
	errorMetrics,
	type FilterMetric,
	metricKey,
	requestMetrics,
	setAsideFilterReadsUnless,
	untestedFilterMetrics,
} from './filter-behaviour.ts';
import { labDefaultObjective, readSloParameter, sloParameterName } from './slo-record.ts';

const parameterRead = 'ssm.sre-lab-parameters';
/** The window the lab page proposes, used with its objective until the learner records their own. */
export const labDefaultWindowDays = 30;

/** One alarm that could page on the SLO, metric or composite, and what keeps it from counting. */
export interface AlarmJudgement {
	alarmName: string;
	alarmArn: string;
	/** SNS topics among the alarm actions. */
	topics: string[];
	/** What the alarm would do, in the learner's terms. */
	description: string;
	/** Empty when the alarm fits; otherwise why not. */
	problems: string[];
	/** A read judging it needs that failed: neither pass nor fail can rest on it. */
	unknown: ReadFailed | null;
}

/**
 * The SLO to judge ratio alarms against: the one recorded in /sre-lab/lab1/slo, else the lab's
 * 99.9 % over 30 days. A parameter that could not be read is not "not recorded": that throws.
 */
export function sloTarget(view: SnapshotView): SloTarget {
	const outcome = view.outcome<Parameter[]>(parameterRead);
	if (outcome && !outcome.ok) {
		throw new ReadFailed({
			...outcome.error,
			message: `${outcome.error.message} Alarms are judged against the objective in ${sloParameterName}, so this one cannot be judged until that parameter can be read.`,
		});
	}
	const reading = readSloParameter(view.read<Parameter[]>(parameterRead));
	if (reading.state === 'recorded') {
		const { objective, windowDays } = reading.record;
		return { objective, windowDays, label: `your ${objective} % SLO over ${round(windowDays)} days` };
	}
	return {
		objective: labDefaultObjective,
		windowDays: labDefaultWindowDays,
		label: `the lab's ${labDefaultObjective} % SLO over ${labDefaultWindowDays} days (${sloParameterName} is not recorded yet)`,
	};
}

const intervalDays = (interval: SloInterval): number => {
	const perDay: Record<string, number> = { MINUTE: 1 / 1440, HOUR: 1 / 24, DAY: 1, MONTH: 30 };
	return interval.duration * (perDay[interval.unit.toUpperCase()] ?? 1);
};

/** Finds an Application Signals SLO by name for its burn-rate alarms; an unreadable listing is unknown. */
function applicationSignalsLookup(view: SnapshotView): ApplicationSignalsLookup {
	return (sloName) => {
		if (!view.outcome(applicationSignalsRead)) return { found: false };
		const reading = readApplicationSignalsSlos(view);
		if (reading.state === 'could-not-read') return { failed: reading.error };
		if (reading.state === 'unavailable') return { found: false };
		const slo = [...reading.complete, ...reading.incomplete].find((candidate) => candidate.name === sloName);
		if (slo) return { found: true, windowDays: slo.interval ? intervalDays(slo.interval) : null };
		const [failed] = reading.failed;
		return failed ? { failed } : { found: false };
	};
}

function actionProblems(alarm: { alarmActions: string[]; actionsEnabled: boolean }, topics: string[]): string[] {
	if (topics.length === 0) return ['it has no SNS topic among its alarm actions'];
	if (!alarm.actionsEnabled) return ['its actions are disabled'];
	return [];
}

/**
 * A set of member alarms that must all be in ALARM for the composite to fire: it fires at the
 * largest of their burn rates and after the longest of their windows (the multi-window pattern:
 * 14.4× over 1 hour AND over 5 minutes fires at 14.4× after an hour).
 */
function judgeTriggerSet(members: MetricAlarm[], conditions: Map<MetricAlarm, ConditionJudgement>): ConditionJudgement {
	const judged = members.map((alarm) => ({ alarm, condition: conditions.get(alarm) as ConditionJudgement }));
	const unknown = judged.find(({ condition }) => condition.unknown)?.condition.unknown ?? null;
	const names = judged.map(({ alarm }) => `"${alarm.alarmName}"`).join(' and ');
	const burns = judged.flatMap(({ condition }) => (condition.burn ? [condition.burn] : []));
	if (judged.length === 1) {
		const [only] = judged as [(typeof judged)[number]];
		return { ...only.condition, description: `${names} ${only.condition.description}` };
	}
	const details = judged.map(({ alarm, condition }) => `"${alarm.alarmName}" ${condition.description}`).join('; ');
	if (burns.length === 0) {
		return {
			description: `fires when ${names} are all in ALARM (${details})`,
			burn: null,
			problems: judged.flatMap(({ condition }) => condition.problems),
			unknown,
		};
	}
	const windows = burns.map((burn) => burn.windowMinutes);
	const burn: BurnCondition = {
		burnRate: Math.max(...burns.map((candidate) => candidate.burnRate)),
		windowMinutes: windows.includes(null) ? null : Math.max(...(windows as number[])),
		sloWindowDays: burns[0]?.sloWindowDays ?? labDefaultWindowDays,
	};
	const window = burn.windowMinutes === null ? '' : ` sustained for ${formatMinutes(burn.windowMinutes)}`;
	return {
		description: `fires when ${names} are all in ALARM, i.e. at a burn rate of ${round(burn.burnRate)}×${window}${describeShare(burn)} (${details})`,
		burn,
		problems: burnProblems(burn),
		unknown,
	};
}

function judgeComposite(
	composite: CompositeAlarm,
	metricAlarms: MetricAlarm[],
	composites: CompositeAlarm[],
	conditions: Map<MetricAlarm, ConditionJudgement>,
): AlarmJudgement {
	const topics = snsTopicsOf(composite.alarmActions);
	const base = { alarmName: composite.alarmName, alarmArn: composite.alarmArn, topics, unknown: null };
	const triggers = compositeTriggers(composite, metricAlarms, composites, (alarm) => conditions.has(alarm));
	if (triggers.kind === 'unparsable') {
		return {
			...base,
			description: 'is a composite alarm',
			problems: [`its rule cannot be read (${triggers.problem})`],
		};
	}
	if (triggers.kind === 'always-firing') {
		return {
			...base,
			description: 'is a composite alarm',
			problems: ['its rule is true while every alarm is OK, so it is always in ALARM'],
		};
	}
	if (triggers.sets.length === 0) {
		return {
			...base,
			description: 'is a composite alarm',
			problems: ['its rule never fires on the SLO alarms alone (another alarm must also be in ALARM)'],
		};
	}
	const sets = triggers.sets.map((members) => judgeTriggerSet(members, conditions));
	const problems = [...new Set(sets.flatMap((set) => set.problems))];
	return {
		...base,
		description: `is a composite alarm that ${sets.map((set) => set.description).join('; or ')}`,
		problems: [...problems, ...actionProblems(composite, topics)],
		unknown: sets.find((set) => set.unknown)?.unknown ?? null,
	};
}

export interface SloAlarmJudgements {
	errorMetrics: FilterMetric[];
	judged: AlarmJudgement[];
	/** Composite alarms could not be read: a fail would rest on a missing read. */
	compositeFailure: ReadFailed | null;
}

/**
 * Every alarm that could page on the SLO: metric alarms on the 5xx metric (alone or in metric math)
 * or on an Application Signals burn rate, and composite alarms built from them. Each is judged on
 * what its condition means for the SLO (see burn-rate.ts) and on whether it notifies SNS.
 */
export function judgeErrorAlarms(view: SnapshotView): SloAlarmJudgements {
	const errors = errorMetrics(view);
	const context: ConditionContext = {
		errorKeys: new Set(errors.map(metricKey)),
		requestKeys: new Set(requestMetrics(view).map(metricKey)),
		slo: () => sloTarget(view),
		applicationSignalsSlo: applicationSignalsLookup(view),
	};
	const metricAlarms = view.read<MetricAlarm[]>('cloudwatch.metric-alarms');
	const watchedByAlarms = new Set(metricAlarms.flatMap((alarm) => watchedMetrics(alarm).map(metricKey)));
	// A Metrics Insights query names its metric only inside the expression text.
	const expressions = metricAlarms.flatMap((alarm) => alarm.metrics.flatMap((query) => query.expression ?? []));
	setAsideFilterReadsUnless(
		view,
		(metric) =>
			watchedByAlarms.has(metricKey(metric)) ||
			expressions.some((expression) => expression.includes(metric.metricName)),
		'no alarm watches the metrics of the filters it leaves unjudged, so whatever they count no alarm changes',
	);
	// Metrics of access-log filters whose TestMetricFilter failed: they may be the error or request
	// metric, so an alarm on one that does not already count cannot be failed.
	const untested = new Map(untestedFilterMetrics(view).map(({ metric, error }) => [metricKey(metric), error]));
	const conditions = new Map<MetricAlarm, ConditionJudgement>();
	for (const alarm of metricAlarms) {
		const untestedError = watchedMetrics(alarm)
			.map((metric) => untested.get(metricKey(metric)))
			.find((error) => error !== undefined);
		if (isSloAlarm(alarm, context.errorKeys)) {
			const condition = judgeCondition(alarm, context);
			const blocked = untestedError && condition.problems.length > 0 && !condition.unknown;
			conditions.set(alarm, blocked ? { ...condition, unknown: new ReadFailed(untestedError) } : condition);
		} else if (untestedError) {
			conditions.set(alarm, {
				description: 'watches a filter metric whose pattern could not be tested',
				burn: null,
				problems: [],
				unknown: new ReadFailed(untestedError),
			});
		}
	}
	const judged: AlarmJudgement[] = [...conditions].map(([alarm, condition]) => {
		const topics = snsTopicsOf(alarm.alarmActions);
		return {
			alarmName: alarm.alarmName,
			alarmArn: alarm.alarmArn,
			topics,
			description: condition.description,
			problems: [...condition.problems, ...actionProblems(alarm, topics)],
			unknown: condition.unknown,
		};
	});
	const { composites, failure } = readCompositeAlarms(view);
	for (const composite of composites) {
		// A composite that refers to no SLO alarm is about something else (CPU, disk…).
		if (!refersToSloAlarm(composite, metricAlarms, composites, conditions)) continue;
		judged.push(judgeComposite(composite, metricAlarms, composites, conditions));
	}
	return { errorMetrics: errors, judged, compositeFailure: failure };
}

function refersToSloAlarm(
	composite: CompositeAlarm,
	metricAlarms: MetricAlarm[],
	composites: CompositeAlarm[],
	conditions: Map<MetricAlarm, ConditionJudgement>,
): boolean {
	if (compositeMembers(composite, metricAlarms, composites).some((alarm) => conditions.has(alarm))) return true;
	// A rule this parser cannot read still counts as about the SLO when it names an SLO alarm.
	return (
		!parseAlarmRule(composite.alarmRule).ok &&
		[...conditions.keys()].some((alarm) => composite.alarmRule.includes(alarm.alarmName))
	);
}

/** Whether an alarm counts: nothing wrong with it and nothing unknown about it. */
export const alarmCounts = (judgement: AlarmJudgement): boolean =>
	judgement.problems.length === 0 && judgement.unknown === null;

export { applicationSignalsRead, compositeAlarmsRead };
