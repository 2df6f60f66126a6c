import { describe, expect, it } from 'vitest';
import { collectorsForLabs, labIds } from '../../../graders/labs/index.ts';

/**
 * Actions that several collectors may declare because each reads different resources with them:
 * the policies of the roles behind instance profiles (Lab 1), Lambda functions and schedules (Lab 2).
 * They share one reader (graders/collectors/iam/read-role-policies.ts), not one read.
 */
const sharedOnPurpose = new Set([
	// Metric alarms and composite alarms: DescribeAlarms returns composites only when AlarmTypes asks
	// for them, and metric alarms stay their own read so snapshots saved before composites were read
	// still grade (graders/collectors/cloudwatch/composite-alarms.ts). Each is still read once.
	'cloudwatch:DescribeAlarms',
	'iam:ListAttachedRolePolicies',
	'iam:ListRolePolicies',
	'iam:GetRolePolicy',
	'iam:GetPolicy',
	'iam:GetPolicyVersion',
	// Lab 2 reads the functions the tag index lists (lambda.functions), Lab 3 those its stack created
	// (lambda.sre-lab-function-configurations, for the tracing mode). Grading both labs reads a Lab 3
	// function twice: a few calls.
	'lambda:GetFunctionConfiguration',
	// ec2.instances keeps only the tags every check reads; ec2.ssm-target-tags reads again, filtered to
	// the tag keys a learner's patch targets name beyond those, and only when there are any.
	'ec2:DescribeInstances',
	// Lab 2 simulates its Lambda execution roles, Lab 4 its FIS experiment role: other principals,
	// other actions, so no simulation is made twice.
	'iam:SimulatePrincipalPolicy',
	// Lab 2 reads CloudTrail for DeleteSnapshot, Lab 4 for DetectStackDrift, Labs 3 and 4 for
	// SetAlarmState (one read they share): each lookup filters on its own EventName, so they are
	// different reads, paced together (graders/collectors/cloudtrail/lookup-by-event-name.ts).
	'cloudtrail:LookupEvents',
	// Lab 2 keeps the scheduled rules, Lab 4 the rules on alarm state changes. Both list the default
	// bus's rules (ListRules has no filter on schedule or pattern), so grading Lab 2 and Lab 4
	// together lists them twice: a page per 100 rules. Targets are read only for each one's own rules.
	'events:ListRules',
	'events:ListTargetsByRule',
]);

describe('the collectors of all labs', () => {
	it('declare each IAM action in one collector, so grading several labs makes each AWS read once', () => {
		const collectorsByAction = new Map<string, string[]>();
		for (const collector of collectorsForLabs(labIds())) {
			for (const action of collector.iamActions) {
				collectorsByAction.set(action, [...(collectorsByAction.get(action) ?? []), collector.id]);
			}
		}
		const repeated = [...collectorsByAction].filter(
			([action, collectors]) => collectors.length > 1 && !sharedOnPurpose.has(action),
		);
		expect(Object.fromEntries(repeated)).toEqual({});
	});

	it('cover the four published labs', () => {
		expect(labIds()).toEqual(['lab1', 'lab2', 'lab3', 'lab4']);
	});
});
