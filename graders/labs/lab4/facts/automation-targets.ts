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
 * Whether the rule's pattern matches alarm state changes: its detail-type, when it names one, includes
 * "CloudWatch Alarm State Change" (a pattern on source alone matches them too).
 */
export function matchesAlarmStateChanges(eventPattern: string): boolean {
	try {
		const pattern = JSON.parse(eventPattern) as { 'detail-type'?: unknown };
		const detailType = pattern['detail-type'];
		if (detailType === undefined) return true;
		const types = Array.isArray(detailType) ? detailType : [detailType];
		return types.includes('CloudWatch Alarm State Change');
	} catch {
		return false;
	}
}

export interface RemediationRoute {
	rule: string;
	enabled: boolean;
	document: string;
	/** The role EventBridge assumes to start the runbook (the target's RoleArn); its runs name it. */
	roleArn: string | null;
}

/** Every (rule, runbook) pair through which an alarm state change starts an Automation runbook. */
export function remediationRoutes(rules: readonly AlarmStateRule[]): RemediationRoute[] {
	return rules
		.filter((rule) => matchesAlarmStateChanges(rule.eventPattern))
		.flatMap((rule) =>
			rule.targets.flatMap((target) => {
				const document = automationDocumentOf(target.arn);
				return document
					? [{ rule: rule.name, enabled: rule.state === 'ENABLED', document, roleArn: target.roleArn }]
					: [];
			}),
		);
}
