/**
 * What each Lab 3 read must give against moto seeded by seed/lab3-account.ts (see lab1-reads.ts for
 * the two kinds). moto 5.x lacks DescribeAlarmHistory, CloudTrail's LookupEvents and X-Ray's
 * GetTraceSegmentDestination.
 */
import { expect } from 'vitest';
import { type Lab3Seed, lab3Names } from './seed/lab3-account.ts';
import { jsonOf, type LabReadExpectations, resourceData } from './support/read-expectations.ts';

export const lab3Reads: LabReadExpectations<Lab3Seed> = {
	'cloudformation.stacks': {
		moto: 'implemented',
		check: (data, seed) => {
			expect(jsonOf(data)).toContain(seed.stackId);
			expect(jsonOf(data)).toContain('"sre-lab":"lab3"');
			expect(jsonOf(data)).toContain('CREATE_COMPLETE');
		},
	},
	'cloudformation.sre-lab-stack-resources': {
		moto: 'implemented',
		check: (data, seed) => {
			const resources = jsonOf(resourceData(data, seed.stackId));
			for (const name of seed.functionNames) expect(resources).toContain(name);
		},
	},
	// moto's CloudFormation drops TracingConfig, so the stack's functions read as PassThrough here;
	// lab3.test.ts reads an SDK-created function with Active tracing through this collector.
	'lambda.sre-lab-function-configurations': {
		moto: 'implemented',
		check: (data, seed) => {
			for (const name of seed.functionNames) expect(jsonOf(resourceData(data, name))).toContain(name);
		},
	},
	// moto's CloudFormation does not model AWS::ApiGatewayV2::Api, so no API is found in the stack and
	// nothing is asked; lab3.test.ts runs this collector on the SDK-created API directly.
	'apigateway.sre-lab-api-stages': {
		moto: 'implemented',
		check: (data) => expect(data).toEqual({}),
	},
	'xray.trace-summaries': {
		moto: 'implemented',
		check: (data, seed) => expect(jsonOf(data)).toContain(seed.traceId),
	},
	// moto answers GetServiceGraph (over every slice of the window) but builds no graph from segments.
	'xray.service-graph': {
		moto: 'implemented',
		check: (data) => expect(data).toMatchObject({ services: [], edges: [] }),
	},
	'xray.trace-destination': { moto: 'not-implemented', operation: 'xray:GetTraceSegmentDestination' },
	'cloudwatch.dashboards': {
		moto: 'implemented',
		check: (data, seed) => expect(jsonOf(resourceData(data, lab3Names.dashboard))).toContain(seed.apiId),
	},
	'cloudwatch.metric-alarms': {
		moto: 'implemented',
		check: (data, seed) => {
			expect(jsonOf(data)).toContain(lab3Names.latencyAlarm);
			expect(jsonOf(data)).toContain(lab3Names.errorAlarm);
			expect(jsonOf(data)).toContain(seed.topicArn);
		},
	},
	// moto cannot create composite alarms (no PutCompositeAlarm); it answers the request with none, and
	// the metric alarms it also returns must not be taken for composites.
	'cloudwatch.composite-alarms': {
		moto: 'implemented',
		check: (data) => expect(jsonOf(data)).not.toContain(lab3Names.latencyAlarm),
	},
	'sns.topic-subscriptions': {
		moto: 'implemented',
		check: (data, seed) => expect(jsonOf(data)).toContain(seed.subscriptionArn),
	},
	'cloudwatch.alarm-history': { moto: 'not-implemented', operation: 'cloudwatch:DescribeAlarmHistory' },
	// moto does not implement CloudTrail's LookupEvents (as for Lab 2's DeleteSnapshot lookup).
	'cloudtrail.set-alarm-state-events': { moto: 'not-implemented', operation: 'cloudtrail:LookupEvents' },
	'ssm.lab3-fault-history': {
		moto: 'implemented',
		check: (data) => {
			expect(jsonOf(data)).toContain('latency');
			expect(jsonOf(data)).toContain('"exists":true');
		},
	},
};
