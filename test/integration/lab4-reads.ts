/**
 * What each read of Lab 4 must give against moto seeded by seed/lab4-account.ts (see lab1-reads.ts for
 * the two kinds). moto 5.x lacks CloudTrail LookupEvents, DescribeAutomationExecutions,
 * DescribeOpsItems, GetComplianceDetailsByConfigRule and DescribeAlarmHistory, and its FIS has only
 * Create/DeleteExperimentTemplate and tagging: no List or Get, so the FIS reads (and the reads that
 * need the templates) are errors naming ListExperimentTemplates. The seed creates no Lambda function
 * and no alarm; those reads come back empty from moto's models.
 */
import { expect } from 'vitest';
import { type Lab4Seed, lab4Names } from './seed/lab4-account.ts';
import { jsonOf, type LabReadExpectations, resourceData } from './support/read-expectations.ts';

export const lab4Reads: LabReadExpectations<Lab4Seed> = {
	'cloudformation.stacks': {
		moto: 'implemented',
		check: (data, seed) => expect(jsonOf(data)).toContain(seed.stackId),
	},
	'cloudformation.sre-lab-stack-resources': {
		moto: 'implemented',
		check: (data, seed) => expect(jsonOf(resourceData(data, seed.stackId))).toContain('AWS::SSM::Parameter'),
	},
	// Detection ids come from CloudTrail, which moto cannot search.
	'cloudformation.drift-detections': { moto: 'not-implemented', operation: 'cloudtrail:LookupEvents' },
	// The SetAlarmState calls behind alarm states set by hand: CloudTrail again.
	'cloudtrail.set-alarm-state-events': { moto: 'not-implemented', operation: 'cloudtrail:LookupEvents' },
	'events.alarm-state-rules': {
		moto: 'implemented',
		check: (data, seed) => {
			const rule = jsonOf(resourceData(data, lab4Names.rule));
			expect(rule).toContain('CloudWatch Alarm State Change');
			expect(rule).toContain(seed.runbookArn);
		},
	},
	'ssm.automation-executions': { moto: 'not-implemented', operation: 'ssm:DescribeAutomationExecutions' },
	// DescribeConfigRules lists the rule; its compliance details are what moto lacks.
	'config.rule-evaluations': {
		moto: 'not-implemented',
		operation: 'config:GetComplianceDetailsByConfigRule',
		perResource: true,
		check: (data) => expect(Object.keys(data as object)).toEqual([lab4Names.configRule]),
	},
	'ssm.lab4-ops-items': { moto: 'not-implemented', operation: 'ssm:DescribeOpsItems' },
	'fis.lab4-experiment-templates': { moto: 'not-implemented', operation: 'fis:ListExperimentTemplates' },
	// Both need the templates: their error is the templates' read.
	'fis.lab4-experiments': { moto: 'not-implemented', operation: 'fis:ListExperimentTemplates' },
	'iam.fis-role-scope': { moto: 'not-implemented', operation: 'fis:ListExperimentTemplates' },
	'lambda.function-tags': { moto: 'implemented', check: (data) => expect(data).toEqual({}) },
	'cloudwatch.metric-alarms': { moto: 'implemented', check: (data) => expect(data).toEqual([]) },
	'cloudwatch.composite-alarms': { moto: 'implemented', check: (data) => expect(data).toEqual([]) },
	'cloudwatch.alarm-history': { moto: 'not-implemented', operation: 'cloudwatch:DescribeAlarmHistory' },
};
