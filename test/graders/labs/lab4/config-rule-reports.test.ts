import { describe, expect, it } from 'vitest';
import type { ConfigRuleEvaluations } from '../../../../graders/collectors/config/rule-evaluations.ts';
import type { PerResource } from '../../../../graders/engine/types.ts';
import { app, completeLab4Account } from './support/lab4-account.ts';
import { collectLab4 } from './support/lab4-scenarios.ts';
import { gradeCheck } from './support/lab4-steps.ts';

const id = 'config-rule-reports';

describe('config-rule-reports', () => {
	it('passes on NON_COMPLIANT too: the rule reports compliance either way', async () => {
		const account = completeLab4Account();
		for (const rule of account.configRules) {
			rule.results = [{ type: 'AWS::Lambda::Function', id: app.inventory, compliance: 'NON_COMPLIANT' }];
		}
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('pass');
		expect(result.evidence).toContain(app.inventory);
	});

	it('fails without any rule, saying to turn the recorder on', async () => {
		const account = completeLab4Account();
		account.configRules = [];
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('No AWS Config rule');
	});

	it('is could-not-grade when the rules may not be read', async () => {
		const result = gradeCheck(await collectLab4(completeLab4Account(), { deny: ['config:DescribeConfigRules'] }), id);
		expect(result.status).toBe('error');
		expect(result.message).toContain('config:DescribeConfigRules');
	});

	it("is could-not-grade when a rule's results may not be read", async () => {
		const account = completeLab4Account();
		const result = gradeCheck(await collectLab4(account, { deny: ['config:GetComplianceDetailsByConfigRule'] }), id);
		expect(result.status).toBe('error');
	});
});

describe('config-rule-reports: rule states', () => {
	/** The collected snapshot with every rule in `state`, as DescribeConfigRules would report it. */
	async function withRuleState(state: string) {
		const snapshot = await collectLab4(completeLab4Account());
		const read = snapshot.reads['config.rule-evaluations'] as { ok: true; data: PerResource<ConfigRuleEvaluations> };
		for (const outcome of Object.values(read.data)) if (outcome.ok) outcome.data.state = state;
		return snapshot;
	}

	it('passes while a Re-evaluate runs: Config sets EVALUATING after StartConfigRulesEvaluation and keeps the results', async () => {
		const result = gradeCheck(await withRuleState('EVALUATING'), id);
		expect(result.status).toBe('pass');
		expect(result.evidence).toContain(app.orders);
	});

	it('fails on a rule being deleted (DELETING), whose results go with it', async () => {
		const result = gradeCheck(await withRuleState('DELETING'), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('(DELETING,');
	});
});

describe('config-rule-reports: a rule on the application alarms', () => {
	/** A CLOUDWATCH_ALARM_ACTION_CHECK rule: Config evaluates alarms, which Lab 3 keeps outside its app stack. */
	function withAlarmRule(resourceId: string) {
		const account = completeLab4Account();
		account.configRules = [
			{
				name: 'alarms-have-actions',
				identifier: 'CLOUDWATCH_ALARM_ACTION_CHECK',
				results: [{ type: 'AWS::CloudWatch::Alarm', id: resourceId, compliance: 'COMPLIANT' }],
			},
		];
		return account;
	}

	it('passes when the rule reports on an alarm of the app, named as Config names it (by name or ARN)', async () => {
		for (const resourceId of [app.latencyAlarm, app.latencyAlarmArn]) {
			const result = gradeCheck(await collectLab4(withAlarmRule(resourceId)), id);
			expect(result.status, resourceId).toBe('pass');
			expect(result.evidence).toContain(resourceId);
		}
	});

	it('fails when the only alarm it reports on is not on the app metrics', async () => {
		const result = gradeCheck(await collectLab4(withAlarmRule('billing-estimated-charges')), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain("its stack's resources or its alarms");
	});

	it('is could-not-grade when the alarms may not be read and nothing else passes', async () => {
		const result = gradeCheck(
			await collectLab4(withAlarmRule(app.latencyAlarm), { deny: ['cloudwatch:DescribeAlarms'] }),
			id,
		);
		expect(result.status).toBe('error');
		expect(result.message).toContain('cloudwatch:DescribeAlarms');
	});
});
