import {
	EventBridgeClient,
	ListRulesCommand,
	ListTargetsByRuleCommand,
	type Rule,
	type Target,
} from '@aws-sdk/client-eventbridge';
import type { Collector, PerResource } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';

export interface RuleTarget {
	id: string;
	arn: string;
	roleArn: string | null;
}

export interface ScheduledRule {
	name: string;
	arn: string;
	/** `ENABLED`, `DISABLED`, … */
	state: string;
	/** `rate(1 day)` or `cron(0 3 * * ? *)`. */
	scheduleExpression: string;
	targets: RuleTarget[];
}

/** EventBridge has no paginator for these operations, so follow NextToken by hand. */
async function listScheduledRules(events: EventBridgeClient): Promise<Rule[]> {
	const rules: Rule[] = [];
	let nextToken: string | undefined;
	do {
		const page = await events.send(new ListRulesCommand({ NextToken: nextToken, Limit: 100 }));
		rules.push(...(page.Rules ?? []).filter((rule) => rule.ScheduleExpression));
		nextToken = page.NextToken;
	} while (nextToken);
	return rules;
}

/** A rule's targets, following NextToken by hand. */
export async function listTargets(events: EventBridgeClient, ruleName: string): Promise<RuleTarget[]> {
	const targets: Target[] = [];
	let nextToken: string | undefined;
	do {
		const page = await events.send(new ListTargetsByRuleCommand({ Rule: ruleName, NextToken: nextToken, Limit: 100 }));
		targets.push(...(page.Targets ?? []));
		nextToken = page.NextToken;
	} while (nextToken);
	return targets.flatMap((target) =>
		target.Arn ? [{ id: target.Id ?? '', arn: target.Arn, roleArn: target.RoleArn ?? null }] : [],
	);
}

/**
 * Scheduled rules on the default event bus (the only bus that runs schedules) with their targets,
 * keyed by rule name.
 */
export const eventsScheduledRules: Collector<PerResource<ScheduledRule>> = {
	id: 'events.scheduled-rules',
	description: 'EventBridge rules with a rate or cron schedule, and their targets',
	iamActions: ['events:ListRules', 'events:ListTargetsByRule'],
	async collect({ clients }) {
		const events = clients.get(EventBridgeClient);
		const rules = new Map(
			(await listScheduledRules(events)).flatMap((rule) => (rule.Name ? [[rule.Name, rule] as const] : [])),
		);
		return fanOut(
			[...rules.keys()],
			async (name): Promise<ScheduledRule> => {
				const rule = rules.get(name) as Rule;
				return {
					name,
					arn: rule.Arn ?? '',
					state: rule.State ?? 'unknown',
					scheduleExpression: rule.ScheduleExpression ?? '',
					targets: await listTargets(events, name),
				};
			},
			{ service: 'events', operation: 'ListTargetsByRule' },
		);
	},
};
