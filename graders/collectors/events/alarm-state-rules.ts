import { EventBridgeClient, ListRulesCommand, type Rule } from '@aws-sdk/client-eventbridge';
import type { Collector, PerResource } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';
import { canMatchAlarmStateChange } from './alarm-state-pattern.ts';
import { listTargets, type RuleTarget } from './scheduled-rules.ts';

export interface AlarmStateRule {
	name: string;
	/** `ENABLED`, `DISABLED`, … */
	state: string;
	/** The event pattern as EventBridge stores it (JSON text). */
	eventPattern: string;
	targets: RuleTarget[];
}

/** The default bus's rules whose pattern can match an alarm state change (the only bus CloudWatch sends them to). */
async function listAlarmStateRules(events: EventBridgeClient): Promise<Rule[]> {
	const rules: Rule[] = [];
	let nextToken: string | undefined;
	do {
		const page = await events.send(new ListRulesCommand({ NextToken: nextToken, Limit: 100 }));
		rules.push(
			...(page.Rules ?? []).filter((rule) => rule.EventPattern && canMatchAlarmStateChange(rule.EventPattern)),
		);
		nextToken = page.NextToken;
	} while (nextToken);
	return rules;
}

/**
 * Rules on the default event bus whose pattern can match a CloudWatch alarm state change (see
 * alarm-state-pattern.ts: source, detail-type and state, with any of EventBridge's matchers), with their targets, keyed by rule name: how an alarm starts an Automation runbook through EventBridge.
 */
export const eventsAlarmStateRules: Collector<PerResource<AlarmStateRule>> = {
	id: 'events.alarm-state-rules',
	description: 'EventBridge rules whose pattern can match CloudWatch alarm state change events, and their targets',
	iamActions: ['events:ListRules', 'events:ListTargetsByRule'],
	async collect({ clients }) {
		const events = clients.get(EventBridgeClient);
		const rules = new Map(
			(await listAlarmStateRules(events)).flatMap((rule) => (rule.Name ? [[rule.Name, rule] as const] : [])),
		);
		return fanOut(
			[...rules.keys()],
			async (name): Promise<AlarmStateRule> => {
				const rule = rules.get(name) as Rule;
				return {
					name,
					state: rule.State ?? 'unknown',
					eventPattern: rule.EventPattern ?? '',
					targets: await listTargets(events, name),
				};
			},
			{ service: 'events', operation: 'ListTargetsByRule' },
		);
	},
};
