import { DescribeMetricFiltersCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { Snapshot } from '../../../graders/engine/types.ts';
import { collectLab1 } from './collect-lab1.ts';
import { accessLogGroup, completeLab1Account, webInstanceId } from './lab1-account.ts';

/**
 * The accounts behind the committed fixtures:
 * - passing: every step done;
 * - failing: a learner half-way through step 3 — a 5xx filter that looks for the text "503",
 *   no request filter, an alarm without an action, an SLO with a wrong budget, no dashboard;
 * - access-denied: every step done, but the grader may not call logs:DescribeMetricFilters.
 */
export const lab1FixtureScenarios: Record<string, () => Promise<Snapshot>> = {
	passing: () => collectLab1(completeLab1Account()),
	failing: () => {
		const account = completeLab1Account();
		account.metricFilters = [
			{ name: 'errors', group: accessLogGroup, pattern: '"503"', namespace: 'SRE/Lab1', metric: 'Errors', value: '1' },
		];
		account.alarms = [
			{
				AlarmName: 'lab1-errors',
				AlarmArn: 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:lab1-errors',
				Namespace: 'SRE/Lab1',
				MetricName: 'Errors',
				Statistic: 'Sum',
				ComparisonOperator: 'GreaterThanThreshold',
				Threshold: 5,
				EvaluationPeriods: 1,
				Period: 300,
				ActionsEnabled: true,
				AlarmActions: [],
				StateValue: 'INSUFFICIENT_DATA',
			},
		];
		account.subscriptions = [];
		account.parameters = [
			{
				name: '/sre-lab/lab1/slo',
				type: 'String',
				value: JSON.stringify({
					sli: 'requests without 5xx',
					objective: 99.9,
					windowDays: 30,
					errorBudgetMinutes: 4.32,
				}),
			},
		];
		account.dashboards = {};
		return collectLab1(account);
	},
	'access-denied': () =>
		collectLab1(completeLab1Account(), {
			before: (mocks) => {
				mocks.logs
					.on(DescribeMetricFiltersCommand)
					.rejects(
						Object.assign(
							new Error(
								`User: arn:aws:sts::123456789012:assumed-role/Learner/learner is not authorized to perform: logs:DescribeMetricFilters on resource: arn:aws:logs:eu-west-1:123456789012:log-group::log-stream: because no identity-based policy allows the logs:DescribeMetricFilters action`,
							),
							{ name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } },
						),
					);
			},
		}),
};

export { webInstanceId };
