import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { Cfn } from './cloudformation.ts';

/** Properties DescribeAlarms returns under the same name as AWS::CloudWatch::Alarm, and which are numbers there. */
const sameName = [
	'AlarmDescription',
	'Namespace',
	'MetricName',
	'Dimensions',
	'Statistic',
	'ExtendedStatistic',
	'Unit',
	'ComparisonOperator',
	'TreatMissingData',
	'EvaluateLowSampleCountPercentile',
	'AlarmActions',
	'OKActions',
	'InsufficientDataActions',
	'ActionsEnabled',
	'ThresholdMetricId',
];
const numeric = ['Period', 'EvaluationPeriods', 'DatapointsToAlarm', 'Threshold'];

/** A metric-math query: CloudFormation's MetricDataQuery is the API's, with Ref'd numbers as strings. */
function query(value: Cfn): Cfn {
	const { MetricStat, Period, ...rest } = value;
	return {
		...rest,
		...(Period === undefined ? {} : { Period: Number(Period) }),
		...(MetricStat === undefined ? {} : { MetricStat: { ...MetricStat, Period: Number(MetricStat.Period) } }),
	};
}

/**
 * The MetricAlarm DescribeAlarms returns for a resolved AWS::CloudWatch::Alarm, with the name and ARN
 * CloudFormation gave it and its state. Numbers that came through Ref are strings in the template and
 * numbers in the API; ActionsEnabled defaults to true. An unknown property throws.
 */
export function metricAlarmFromCfn(properties: Cfn, name: string, arn: string, state = 'OK'): MetricAlarm {
	const alarm: Cfn = { AlarmName: name, AlarmArn: arn, ActionsEnabled: true, StateValue: state };
	for (const [key, value] of Object.entries(properties)) {
		if (sameName.includes(key)) alarm[key] = value;
		else if (numeric.includes(key)) alarm[key] = Number(value);
		else if (key === 'Metrics') alarm.Metrics = (value as Cfn[]).map(query);
		else throw new Error(`AWS::CloudWatch::Alarm ${name}: no DescribeAlarms field known for ${key}`);
	}
	return alarm;
}
