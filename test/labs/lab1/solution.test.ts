// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation and CloudWatch agent placeholders are literal text here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, type ScalarTag } from 'yaml';
import { evaluateLab } from '../../../graders/engine/evaluate.ts';
import { collectLab1 } from '../../graders/support/collect-lab1.ts';
import { completeLab1Account, region, topicArn } from '../../graders/support/lab1-account.ts';

/** CloudFormation's short-form intrinsic functions, kept as their long form so the template parses. */
const intrinsic = (tag: string, key: string): ScalarTag => ({ tag, resolve: (value: string) => ({ [key]: value }) });
const cfnTags = [intrinsic('!Ref', 'Ref'), intrinsic('!Sub', 'Fn::Sub'), intrinsic('!GetAtt', 'Fn::GetAtt')];

interface Resource {
	Type: string;
	Properties: Record<string, unknown>;
}
const template = parse(readFileSync(new URL('../../../labs/lab1/solution/template.yaml', import.meta.url), 'utf8'), {
	customTags: cfnTags,
}) as { Resources: Record<string, Resource> };
const resourcesOf = (type: string) => Object.values(template.Resources).filter((resource) => resource.Type === type);
const substitute = (value: unknown) =>
	String((value as { 'Fn::Sub': string })['Fn::Sub']).replaceAll('${AWS::Region}', region);

/**
 * The simulated complete account with the parts a learner builds replaced by what the reference
 * solution's template declares, then graded by the real collectors and checks.
 */
function accountFromTemplate() {
	const account = completeLab1Account();
	account.metricFilters = resourcesOf('AWS::Logs::MetricFilter').map(({ Properties: p }) => {
		const [transformation] = p.MetricTransformations as {
			MetricNamespace: string;
			MetricName: string;
			MetricValue: string;
		}[];
		return {
			name: String(p.FilterName),
			group: '/sre-lab/lab1/access',
			pattern: String(p.FilterPattern),
			namespace: String(transformation?.MetricNamespace),
			metric: String(transformation?.MetricName),
			value: String(transformation?.MetricValue),
		};
	});
	account.alarms = resourcesOf('AWS::CloudWatch::Alarm').map(({ Properties: p }) => ({
		...p,
		AlarmArn: `arn:aws:cloudwatch:${region}:123456789012:alarm:${p.AlarmName}`,
		// !Ref AlertTopic resolves to the topic; an alarm without actions in the template has none.
		AlarmActions: p.AlarmActions ? [topicArn] : [],
		ActionsEnabled: true,
	}));
	// !Ref of an AWS::CloudWatch::Alarm is its name, which is what the composite's rule refers to.
	const alarmNames = Object.fromEntries(
		Object.entries(template.Resources)
			.filter(([, resource]) => resource.Type === 'AWS::CloudWatch::Alarm')
			.map(([logicalId, resource]) => [logicalId, String(resource.Properties.AlarmName)]),
	);
	account.compositeAlarms = resourcesOf('AWS::CloudWatch::CompositeAlarm').map(({ Properties: p }) => ({
		AlarmName: p.AlarmName,
		AlarmArn: `arn:aws:cloudwatch:${region}:123456789012:alarm:${p.AlarmName}`,
		AlarmRule: String((p.AlarmRule as { 'Fn::Sub': string })['Fn::Sub']).replace(
			/\$\{(\w+)\}/g,
			(_match, logicalId: string) => alarmNames[logicalId] ?? logicalId,
		),
		AlarmActions: p.AlarmActions ? [topicArn] : [],
		ActionsEnabled: p.ActionsEnabled,
		StateValue: 'OK',
	}));
	account.parameters = resourcesOf('AWS::SSM::Parameter')
		.filter(({ Properties: p }) => String(p.Name).startsWith('/sre-lab/'))
		.map(({ Properties: p }) => ({ name: String(p.Name), type: String(p.Type), value: String(p.Value) }));
	account.dashboards = Object.fromEntries(
		resourcesOf('AWS::CloudWatch::Dashboard').map(({ Properties: p }) => [
			String(p.DashboardName),
			JSON.parse(substitute(p.DashboardBody)),
		]),
	);
	return account;
}

describe('Lab 1 reference solution template', () => {
	it('declares what the instance checks look for: the lab tag, port 80 and the agent policy', () => {
		const [instance] = resourcesOf('AWS::EC2::Instance');
		expect(instance?.Properties.Tags).toContainEqual({ Key: 'sre-lab', Value: 'lab1' });
		const [group] = resourcesOf('AWS::EC2::SecurityGroup');
		expect(group?.Properties.SecurityGroupIngress).toContainEqual(
			expect.objectContaining({ IpProtocol: 'tcp', FromPort: 80, ToPort: 80 }),
		);
		const [role] = resourcesOf('AWS::IAM::Role');
		expect(JSON.stringify(role?.Properties.ManagedPolicyArns)).toContain('CloudWatchAgentServerPolicy');
	});

	it('ships the access log under the instance id, as the log check expects', () => {
		const config = JSON.parse(
			substitute(template.Resources.AgentConfiguration?.Properties.Value)
				.replaceAll('${AccessLogGroup}', '/sre-lab/lab1/access')
				.replaceAll('${ErrorLogGroup}', '/sre-lab/lab1/error')
				.replaceAll('${!aws:InstanceId}', '${aws:InstanceId}'),
		);
		expect(config.metrics.append_dimensions).toEqual({ InstanceId: '${aws:InstanceId}' });
		expect(config.logs.logs_collected.files.collect_list[0]).toMatchObject({
			file_path: '/var/log/httpd/access_log',
			log_stream_name: '{instance_id}',
		});
	});

	it('passes every Lab 1 check when its filters, alarm, SLO record and dashboard are graded', async () => {
		const result = evaluateLab('lab1', await collectLab1(accountFromTemplate()));
		expect(result.checks.filter((check) => check.status !== 'pass')).toEqual([]);
		expect(result.score).toBe(100);
	});

	it('passes the alarm check on the multi-window composite alone, and on the availability alarm alone', async () => {
		const compositeOnly = accountFromTemplate();
		compositeOnly.alarms = compositeOnly.alarms.map((alarm) =>
			alarm.AlarmName === 'sre-lab1-availability' ? { ...alarm, AlarmActions: [] } : alarm,
		);
		const viaComposite = evaluateLab('lab1', await collectLab1(compositeOnly)).checks.find(
			(check) => check.id === 'slo-alarm-notifies',
		);
		expect(viaComposite).toMatchObject({
			status: 'pass',
			evidence: expect.arrayContaining([expect.stringMatching(/alarm:sre-lab1-fast-burn$/)]),
		});
		expect(viaComposite?.message).toContain('at a burn rate of 14.4× sustained for 1 hour');

		const availabilityOnly = accountFromTemplate();
		availabilityOnly.compositeAlarms = [];
		const viaAvailability = evaluateLab('lab1', await collectLab1(availabilityOnly)).checks.find(
			(check) => check.id === 'slo-alarm-notifies',
		);
		expect(viaAvailability).toMatchObject({
			status: 'pass',
			evidence: expect.arrayContaining([expect.stringMatching(/alarm:sre-lab1-availability$/)]),
		});
	});
});
