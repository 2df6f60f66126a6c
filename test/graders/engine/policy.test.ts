import { describe, expect, it } from 'vitest';
import { allowedActions, generateGraderPolicy, type PolicyStatement } from '../../../graders/engine/policy.ts';
import { isReadOperation } from '../../../graders/engine/read-only-guard.ts';
import type { Collector } from '../../../graders/engine/types.ts';
import { collectorsForLabs, labIds } from '../../../graders/labs/index.ts';
import { lab1 } from '../../../graders/labs/lab1/index.ts';

const fake = (iamActions: string[], iamScopes?: Collector['iamScopes']): Collector => ({
	id: `fake.${iamActions.join('.')}`,
	description: 'fake',
	iamActions,
	...(iamScopes ? { iamScopes } : {}),
	collect: async () => null,
});

/** The Allow statements that grant `action`. */
const grantsOf = (statements: PolicyStatement[], action: string) =>
	statements.filter((statement) => statement.Effect === 'Allow' && statement.Action.includes(action));

describe('generateGraderPolicy', () => {
	const policy = generateGraderPolicy(lab1.collectors);

	it('grants exactly the actions the Lab 1 collectors declare, one statement per service plus scoped ones', () => {
		expect(policy.Version).toBe('2012-10-17');
		const everywhere = policy.Statement.filter(
			(statement) => statement.Effect === 'Allow' && statement.Resource === '*',
		);
		expect(everywhere.map((statement) => statement.Sid)).toEqual(
			[...new Set(everywhere.map((statement) => statement.Sid))].sort(),
		);
		expect(everywhere.map((statement) => statement.Sid)).toContain('SreLabReadLogs');
		const actions = allowedActions(policy);
		expect(actions).toContain('logs:TestMetricFilter');
		expect(new Set(actions)).toEqual(
			new Set(
				lab1.collectors.flatMap((collector) => collector.iamActions).filter((a) => a !== 'sts:GetCallerIdentity'),
			),
		);
		expect(new Set(policy.Statement.map((statement) => statement.Sid)).size).toBe(policy.Statement.length);
	});

	it('allows only read actions, each once, for every registered lab', () => {
		const all = allowedActions(generateGraderPolicy(collectorsForLabs(labIds())));
		for (const action of all)
			expect(isReadOperation(action.split(':')[1] ?? '') || action === 'apigateway:GET').toBe(true);
		expect(all.every((action) => !action.includes('*'))).toBe(true);
		expect(new Set(all).size).toBe(all.length);
	});

	it('never grants a read that reaches secrets on every resource', () => {
		const statements = generateGraderPolicy(collectorsForLabs(labIds())).Statement;
		const parameters = grantsOf(statements, 'ssm:GetParametersByPath');
		expect(parameters).toEqual([
			expect.objectContaining({
				Resource: ['arn:aws:ssm:*:*:parameter/sre-lab', 'arn:aws:ssm:*:*:parameter/sre-lab/*'],
			}),
		]);
		expect(grantsOf(statements, 'ssm:GetParameterHistory')).toEqual([
			expect.objectContaining({ Resource: ['arn:aws:ssm:*:*:parameter/sre-lab/lab3/fault'] }),
		]);
		expect(grantsOf(statements, 'lambda:GetFunctionConfiguration')).toEqual([
			expect.objectContaining({
				Resource: ['arn:aws:lambda:*:*:function:*'],
				Condition: { StringLike: { 'aws:ResourceTag/sre-lab': 'lab*' } },
			}),
		]);
		expect(grantsOf(statements, 'apigateway:GET')).toEqual([
			expect.objectContaining({ Resource: ['arn:aws:apigateway:*::/apis/*/stages'] }),
		]);
		for (const action of [
			'ssm:GetParametersByPath',
			'ssm:GetParameterHistory',
			'lambda:GetFunctionConfiguration',
			'apigateway:GET',
		]) {
			expect(grantsOf(statements, action).filter((statement) => statement.Resource === '*')).toEqual([]);
		}
	});

	it('grants no read that returns Lambda environment variables beyond the lab-tagged functions', () => {
		const statements = generateGraderPolicy(collectorsForLabs(labIds())).Statement;
		// ListFunctions and ListVersionsByFunction return every configuration, environment included, and
		// cannot be narrowed by tag; GetFunction adds a code link.
		for (const action of ['lambda:ListFunctions', 'lambda:ListVersionsByFunction', 'lambda:GetFunction']) {
			expect(grantsOf(statements, action)).toEqual([]);
		}
		for (const statement of grantsOf(statements, 'lambda:GetFunctionConfiguration')) {
			expect(statement.Resource).not.toBe('*');
			expect(statement.Condition).toEqual({ StringLike: { 'aws:ResourceTag/sre-lab': 'lab*' } });
		}
		const denied = statements.filter((statement) => statement.Effect === 'Deny').flatMap((s) => s.Action);
		expect(denied).toEqual(expect.arrayContaining(['lambda:ListFunctions', 'lambda:ListVersionsByFunction']));
	});

	it('explicitly denies decryption and secret stores, whatever else is attached to the role', () => {
		const denies = generateGraderPolicy([]).Statement.filter((statement) => statement.Effect === 'Deny');
		const denied = denies.flatMap((statement) => statement.Action);
		for (const action of [
			'kms:Decrypt',
			'secretsmanager:GetSecretValue',
			'ssm:GetParameter*',
			'sts:GetSessionToken',
			'lambda:GetFunction',
			's3:GetObject',
		]) {
			expect(denied).toContain(action);
		}
		const decryption = denies.find((statement) => statement.Action.includes('kms:Decrypt'));
		// Through X-Ray only: traces a learner encrypted with a KMS key must stay readable.
		expect(decryption?.Condition).toEqual({ StringNotLike: { 'kms:ViaService': 'xray.*.amazonaws.com' } });
		const parameters = denies.find((statement) => statement.Action.includes('ssm:GetParameter*'));
		expect(parameters?.NotResource).toEqual([
			'arn:aws:ssm:*:*:parameter/sre-lab',
			'arn:aws:ssm:*:*:parameter/sre-lab/*',
		]);
		expect(generateGraderPolicy(collectorsForLabs(labIds())).Statement.slice(-denies.length)).toEqual(denies);
	});

	it('grants an action on "*" when one read declares it unscoped, and groups identical scopes', () => {
		const scope = { resources: ['arn:aws:ssm:*:*:parameter/sre-lab/*'] };
		const mixed = generateGraderPolicy([
			fake(['ssm:GetParameterHistory'], { 'ssm:GetParameterHistory': scope }),
			fake(['ssm:GetParameterHistory', 'ssm:DescribeParameters']),
		]);
		expect(grantsOf(mixed.Statement, 'ssm:GetParameterHistory')).toEqual([
			expect.objectContaining({ Sid: 'SreLabReadSsm', Resource: '*' }),
		]);
		const grouped = generateGraderPolicy([
			fake(['ssm:GetParameterHistory'], { 'ssm:GetParameterHistory': scope }),
			fake(['ssm:GetParametersByPath'], { 'ssm:GetParametersByPath': scope }),
		]);
		expect(grouped.Statement.filter((statement) => statement.Effect === 'Allow')).toEqual([
			{
				Sid: 'SreLabReadSsmGetParameterHistory',
				Effect: 'Allow',
				Action: ['ssm:GetParameterHistory', 'ssm:GetParametersByPath'],
				Resource: ['arn:aws:ssm:*:*:parameter/sre-lab/*'],
			},
		]);
	});
});
