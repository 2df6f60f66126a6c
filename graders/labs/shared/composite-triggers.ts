import type { CompositeAlarm } from '../../collectors/cloudwatch/composite-alarms.ts';
import type { MetricAlarm } from '../../collectors/cloudwatch/metric-alarms.ts';
import {
	type AlarmRuleNode,
	type AlarmStateName,
	evaluateAlarmRule,
	parseAlarmRule,
	ruleReferences,
} from './alarm-rule.ts';

/**
 * What makes a composite alarm fire, as far as a check's own alarms go: the smallest sets of
 * relevant metric alarms that, in ALARM while every other alarm is OK, put the composite in ALARM.
 * `ALARM(long) AND ALARM(short)` gives one set {long, short}; `ALARM(a) OR ALARM(b)` gives {a} and
 * {b}; `ALARM(a) AND NOT ALARM(deploying)` gives {a}, since a suppressor is normally OK.
 */
export type CompositeTriggers =
	| { kind: 'unparsable'; problem: string }
	/** It is in ALARM with every alarm OK (e.g. `TRUE`, `OK(x)`, `NOT ALARM(x)` alone). */
	| { kind: 'always-firing' }
	| { kind: 'triggers'; sets: MetricAlarm[][] };

/** More relevant members than this are not enumerated (2^n states); no lab needs more than a few. */
export const maxRelevantMembers = 10;

/** Nested composites deeper than this are taken as OK (CloudWatch itself rejects cycles). */
const maxNesting = 5;

interface AlarmIndex {
	metric: (reference: string) => MetricAlarm | undefined;
	composite: (reference: string) => CompositeAlarm | undefined;
}

/** Rules may name an alarm or give its ARN. */
function indexAlarms(metricAlarms: readonly MetricAlarm[], composites: readonly CompositeAlarm[]): AlarmIndex {
	const byKey = <T extends { alarmName: string; alarmArn: string }>(alarms: readonly T[]) => {
		const map = new Map<string, T>();
		for (const alarm of alarms) {
			map.set(alarm.alarmName, alarm);
			if (alarm.alarmArn) map.set(alarm.alarmArn, alarm);
		}
		return (reference: string) => map.get(reference);
	};
	return { metric: byKey(metricAlarms), composite: byKey(composites) };
}

const parsedRules = new WeakMap<CompositeAlarm, AlarmRuleNode | null>();
function ruleOf(composite: CompositeAlarm): AlarmRuleNode | null {
	if (!parsedRules.has(composite)) {
		const parsed = parseAlarmRule(composite.alarmRule);
		parsedRules.set(composite, parsed.ok ? parsed.rule : null);
	}
	return parsedRules.get(composite) ?? null;
}

/** The metric alarms a composite refers to, through nested composites too. */
export function compositeMembers(
	composite: CompositeAlarm,
	metricAlarms: readonly MetricAlarm[],
	composites: readonly CompositeAlarm[],
): MetricAlarm[] {
	const index = indexAlarms(metricAlarms, composites);
	const found = new Set<MetricAlarm>();
	const visit = (current: CompositeAlarm, depth: number) => {
		const rule = ruleOf(current);
		if (!rule || depth > maxNesting) return;
		for (const reference of ruleReferences(rule)) {
			const metric = index.metric(reference);
			if (metric) found.add(metric);
			const nested = index.composite(reference);
			if (nested) visit(nested, depth + 1);
		}
	};
	visit(composite, 0);
	return [...found];
}

/** Whether the composite is in ALARM when exactly the alarms in `firing` are (all others OK). */
function firesWith(composite: CompositeAlarm, firing: ReadonlySet<MetricAlarm>, index: AlarmIndex): boolean {
	const evaluate = (current: CompositeAlarm, depth: number): boolean => {
		const rule = ruleOf(current);
		if (!rule || depth > maxNesting) return false;
		const stateOf = (reference: string): AlarmStateName => {
			const metric = index.metric(reference);
			if (metric) return firing.has(metric) ? 'ALARM' : 'OK';
			const nested = index.composite(reference);
			if (nested) return evaluate(nested, depth + 1) ? 'ALARM' : 'OK';
			// An alarm the account does not have (deleted, mistyped) stays in no state that fires.
			return 'OK';
		};
		return evaluateAlarmRule(rule, stateOf);
	};
	return evaluate(composite, 0);
}

export function compositeTriggers(
	composite: CompositeAlarm,
	metricAlarms: readonly MetricAlarm[],
	composites: readonly CompositeAlarm[],
	isRelevant: (alarm: MetricAlarm) => boolean,
): CompositeTriggers {
	const parsed = parseAlarmRule(composite.alarmRule);
	if (!parsed.ok) return { kind: 'unparsable', problem: parsed.problem };
	const index = indexAlarms(metricAlarms, composites);
	if (firesWith(composite, new Set(), index)) return { kind: 'always-firing' };
	const relevant = compositeMembers(composite, metricAlarms, composites)
		.filter(isRelevant)
		.slice(0, maxRelevantMembers);
	const sets: MetricAlarm[][] = [];
	// Subsets by increasing size, so the first sets found are the minimal ones.
	const subsets = Array.from({ length: 2 ** relevant.length }, (_, mask) => mask).sort(
		(a, b) => bitCount(a) - bitCount(b) || a - b,
	);
	for (const mask of subsets) {
		if (mask === 0) continue;
		if (sets.some((set) => set.every((alarm) => mask & (1 << relevant.indexOf(alarm))))) continue;
		const firing = relevant.filter((_, bit) => mask & (1 << bit));
		if (firesWith(composite, new Set(firing), index)) sets.push(firing);
	}
	return { kind: 'triggers', sets };
}

function bitCount(mask: number): number {
	let count = 0;
	for (let rest = mask; rest; rest &= rest - 1) count++;
	return count;
}
