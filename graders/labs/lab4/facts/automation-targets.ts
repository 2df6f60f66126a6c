import { canMatchAlarmStateChange } from '../../../collectors/events/alarm-state-pattern.ts';
import type { AlarmStateRule } from '../../../collectors/events/alarm-state-rules.ts';

/**
 * The runbook an EventBridge target starts, from its ARN:
 * `arn:aws:ssm:<region>:<account>:automation-definition/<document>[:<version>]`. Null for any other target.
 */
export function automationDocumentOf(targetArn: string): string | null {
	const match = /^arn:aws[a-z-]*:ssm:[^:]*:[^:]*:automation-definition\/([^:]+)(?::.*)?$/.exec(targetArn);
	return match?.[1] ?? null;
}

/**
 * Rule states in which EventBridge delivers events (ListRules' State): ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS
 * is an enabled rule that also receives read-only management events from CloudTrail.
 */
const enabledStates = new Set(['ENABLED', 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS']);

export interface RemediationRoute {
	rule: string;
	enabled: boolean;
	document: string;
	/** The role EventBridge assumes to start the runbook (the target's RoleArn); its runs name it. */
	roleArn: string | null;
}

/** Every (rule, runbook) pair through which an alarm state change starts an Automation runbook. */
export function remediationRoutes(rules: readonly AlarmStateRule[]): RemediationRoute[] {
	return (
		rules
			// Snapshots saved before the collector kept only such rules hold others too.
			.filter((rule) => canMatchAlarmStateChange(rule.eventPattern))
			.flatMap((rule) =>
				rule.targets.flatMap((target) => {
					const document = automationDocumentOf(target.arn);
					return document
						? [{ rule: rule.name, enabled: enabledStates.has(rule.state), document, roleArn: target.roleArn }]
						: [];
				}),
			)
	);
}
