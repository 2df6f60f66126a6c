import {
	type ComplianceType,
	ConfigServiceClient,
	DescribeConfigRulesCommand,
	GetComplianceDetailsByConfigRuleCommand,
} from '@aws-sdk/client-config-service';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { configRuleEvaluations } from '../../../../graders/collectors/config/rule-evaluations.ts';
import { accessDenied, runCollector } from '../../labs/lab4/support/run-collector.ts';

const config = mockClient(ConfigServiceClient);
afterEach(() => config.reset());

/** An EvaluationResult as GetComplianceDetailsByConfigRule returns it. */
function result(rule: string, type: string, id: string, compliance: ComplianceType) {
	return {
		EvaluationResultIdentifier: {
			EvaluationResultQualifier: { ConfigRuleName: rule, ResourceType: type, ResourceId: id },
			OrderingTimestamp: new Date('2026-11-22T10:00:00Z'),
		},
		ComplianceType: compliance,
		ResultRecordedTime: new Date('2026-11-22T10:05:00Z'),
		ConfigRuleInvokedTime: new Date('2026-11-22T10:04:00Z'),
	};
}

describe('config.rule-evaluations', () => {
	it('reads every rule and the resources it found compliant or not, following pages', async () => {
		config.on(DescribeConfigRulesCommand).resolves({
			ConfigRules: [
				{
					ConfigRuleName: 'lambda-tracing',
					ConfigRuleArn: 'arn:aws:config:eu-west-1:111122223333:config-rule/config-rule-ab12cd',
					ConfigRuleId: 'config-rule-ab12cd',
					ConfigRuleState: 'ACTIVE',
					Source: { Owner: 'AWS', SourceIdentifier: 'LAMBDA_FUNCTION_SETTINGS_CHECK' },
					Scope: { ComplianceResourceTypes: ['AWS::Lambda::Function'] },
					// Rule parameters are free-form JSON text; the check never reads them.
					InputParameters: JSON.stringify({ runtime: 'python3.12', webhookToken: 'whk-0123456789abcdef' }),
				},
			],
		});
		config
			.on(GetComplianceDetailsByConfigRuleCommand, { NextToken: 'p2' })
			.resolves({ EvaluationResults: [result('lambda-tracing', 'AWS::Lambda::Function', 'orders-fn', 'COMPLIANT')] })
			.on(GetComplianceDetailsByConfigRuleCommand, { NextToken: undefined })
			.resolves({
				EvaluationResults: [result('lambda-tracing', 'AWS::Lambda::Function', 'other-fn', 'NON_COMPLIANT')],
				NextToken: 'p2',
			});
		const rules = await runCollector(configRuleEvaluations);
		expect(rules['lambda-tracing']).toEqual({
			ok: true,
			data: {
				ruleName: 'lambda-tracing',
				state: 'ACTIVE',
				truncated: false,
				evaluations: [
					{
						resourceType: 'AWS::Lambda::Function',
						resourceId: 'orders-fn',
						complianceType: 'COMPLIANT',
					},
					{
						resourceType: 'AWS::Lambda::Function',
						resourceId: 'other-fn',
						complianceType: 'NON_COMPLIANT',
					},
				],
			},
		});
		const input = config.commandCalls(GetComplianceDetailsByConfigRuleCommand)[0]?.args[0].input;
		expect(input).toMatchObject({ ConfigRuleName: 'lambda-tracing', ComplianceTypes: ['COMPLIANT', 'NON_COMPLIANT'] });
	});

	it('answers no rules with an empty list', async () => {
		config.on(DescribeConfigRulesCommand).resolves({ ConfigRules: [] });
		expect(await runCollector(configRuleEvaluations)).toEqual({});
	});

	it('lets access denied fail the read, naming the action', async () => {
		config.on(DescribeConfigRulesCommand).rejects(accessDenied('config:DescribeConfigRules'));
		await expect(runCollector(configRuleEvaluations)).rejects.toThrow('config:DescribeConfigRules');
	});
});
