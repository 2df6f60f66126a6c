import { GetTraceSummariesCommand } from '@aws-sdk/client-xray';
import type { Snapshot } from '../../../../../graders/engine/types.ts';
import { collectLab3 } from './collect-lab3.ts';
import { app, completeLab3Account, latencyAlarm } from './lab3-account.ts';

/**
 * The accounts behind the committed fixtures:
 * - passing: every step done;
 * - failing: a learner in the middle of the lab — tracing on for one function only and no API access
 *   log, a dashboard with average latency and no saturation, a latency alarm on the Average, an error
 *   alarm with no action, an unconfirmed subscription, a fault switch never touched and no alarm that
 *   ever fired;
 * - access-denied: every step done, but the grader may not call xray:GetTraceSummaries.
 */
export const lab3FixtureScenarios: Record<string, () => Promise<Snapshot>> = {
	passing: () => collectLab3(completeLab3Account()),
	failing: () => {
		const account = completeLab3Account();
		account.functions[app.inventory] = { tracingMode: 'PassThrough' };
		account.apiStages[app.apiId] = [{ stageName: '$default' }];
		account.dashboards = {
			'lab3-golden-signals': {
				widgets: [
					{
						type: 'metric',
						properties: {
							metrics: [
								['AWS/ApiGateway', 'Latency', 'ApiId', app.apiId],
								['.', 'Count', '.', '.', { stat: 'Sum' }],
								['.', '5xx', '.', '.', { stat: 'Sum' }],
							],
						},
					},
				],
			},
		};
		const averageLatency = { ...latencyAlarm(), ExtendedStatistic: undefined, Statistic: 'Average' as const };
		account.alarms = [
			averageLatency,
			{
				AlarmName: app.errorAlarm,
				AlarmArn: `arn:aws:cloudwatch:eu-west-1:123456789012:alarm:${app.errorAlarm}`,
				Namespace: 'AWS/ApiGateway',
				MetricName: '5xx',
				Dimensions: [{ Name: 'ApiId', Value: app.apiId }],
				Statistic: 'Average',
				Period: 60,
				EvaluationPeriods: 3,
				Threshold: 0.05,
				ComparisonOperator: 'GreaterThanThreshold',
				ActionsEnabled: true,
				AlarmActions: [],
				StateValue: 'OK',
			},
		];
		account.subscriptions = [{ arn: 'PendingConfirmation', topic: app.topicArn, protocol: 'email' }];
		account.history = [];
		account.faultSwitch = [{ value: 'none', at: '2026-11-22T08:00:00Z' }];
		return collectLab3(account);
	},
	'access-denied': () =>
		collectLab3(completeLab3Account(), {
			before: (mocks) => {
				mocks.xray
					.on(GetTraceSummariesCommand)
					.rejects(
						Object.assign(
							new Error(
								'User: arn:aws:sts::123456789012:assumed-role/Learner/learner is not authorized to perform: xray:GetTraceSummaries because no identity-based policy allows the xray:GetTraceSummaries action',
							),
							{ name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } },
						),
					);
			},
		}),
};
