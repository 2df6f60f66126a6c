/**
 * What each Lab 1 read must give against moto seeded by seed/lab1-account.ts. "implemented" reads
 * must come back as data holding the seeded resources; "not-implemented" ones are operations moto
 * 5.x lacks (it answers HTTP 500 with an HTML page), which the grader must record as an error.
 */
import { expect } from 'vitest';
import { type Lab1Seed, lab1Names } from './seed/lab1-account.ts';
import { jsonOf, type LabReadExpectations, resourceData } from './support/read-expectations.ts';

export const lab1Reads: LabReadExpectations<Lab1Seed> = {
	'ec2.instances': {
		moto: 'implemented',
		check: (data, seed) => {
			expect(jsonOf(data)).toContain(seed.instanceId);
			expect(jsonOf(data)).toContain(seed.instanceProfileArn);
			expect(jsonOf(data)).toContain('"sre-lab":"lab1"');
		},
	},
	'ec2.security-groups': {
		moto: 'implemented',
		check: (data, seed) => {
			expect(jsonOf(data)).toContain(seed.securityGroupId);
			expect(jsonOf(data)).toContain('0.0.0.0/0');
		},
	},
	'iam.instance-profile-roles': {
		moto: 'implemented',
		check: (data, seed) => {
			const profile = jsonOf(resourceData(data, seed.instanceProfileArn));
			expect(profile).toContain(lab1Names.role);
			// The managed policy's document, loaded by moto from AWS's published policies.
			expect(profile).toContain(lab1Names.agentPolicyArn);
			expect(profile).toContain('cloudwatch:PutMetricData');
		},
	},
	'cloudwatch.instance-metrics': {
		moto: 'implemented',
		check: (data, seed) => {
			expect(jsonOf(data)).toContain('CWAgent');
			expect(jsonOf(data)).toContain(seed.instanceId);
		},
	},
	'logs.log-groups': {
		moto: 'implemented',
		check: (data) => {
			for (const group of [lab1Names.accessLogGroup, lab1Names.errorLogGroup, lab1Names.lambdaLogGroup])
				expect(jsonOf(data)).toContain(group);
		},
	},
	'logs.recent-log-streams': {
		moto: 'implemented',
		check: (data, seed) => expect(jsonOf(resourceData(data, lab1Names.accessLogGroup))).toContain(seed.instanceId),
	},
	// GetLogEvents: the access log's latest lines are access-log lines, the error log's are not.
	'logs.instance-stream-samples': {
		moto: 'implemented',
		check: (data, seed) => {
			expect(jsonOf(resourceData(data, lab1Names.accessLogGroup))).toContain(seed.instanceId);
			expect(jsonOf(resourceData(data, lab1Names.errorLogGroup))).toContain('"accessLogLines":0');
		},
	},
	'logs.metric-filters': {
		moto: 'implemented',
		check: (data) => {
			expect(jsonOf(data)).toContain(lab1Names.errorFilter);
			expect(jsonOf(data)).toContain(lab1Names.requestFilter);
		},
	},
	// moto 5.x: "The test_metric_filter action has not been implemented". Each pattern is its own read.
	'logs.metric-filter-tests': { moto: 'not-implemented', operation: 'logs:TestMetricFilter', perResource: true },
	'cloudwatch.metric-alarms': {
		moto: 'implemented',
		check: (data, seed) => {
			expect(jsonOf(data)).toContain(lab1Names.alarm);
			expect(jsonOf(data)).toContain(seed.topicArn);
		},
	},
	// moto cannot create composite alarms (no PutCompositeAlarm); it answers the request with none, and
	// the metric alarms it also returns must not be taken for composites.
	'cloudwatch.composite-alarms': {
		moto: 'implemented',
		check: (data) => expect(jsonOf(data)).not.toContain(lab1Names.alarm),
	},
	'sns.topic-subscriptions': {
		moto: 'implemented',
		check: (data, seed) => expect(jsonOf(data)).toContain(seed.subscriptionArn),
	},
	'ssm.sre-lab-parameters': {
		moto: 'implemented',
		check: (data) => {
			expect(jsonOf(data)).toContain(lab1Names.sloParameter);
			expect(jsonOf(data)).toContain('errorBudgetMinutes');
		},
	},
	// moto 5.x has no Application Signals service at all.
	'application-signals.service-level-objectives': {
		moto: 'not-implemented',
		operation: 'application-signals:ListServiceLevelObjectives',
	},
	'cloudwatch.dashboards': {
		moto: 'implemented',
		check: (data) => expect(jsonOf(resourceData(data, lab1Names.dashboard))).toContain('HttpRequests'),
	},
};
