import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateLab } from '../../../../graders/engine/evaluate.ts';
import { allowedActions, generateGraderPolicy } from '../../../../graders/engine/policy.ts';
import { serializeSnapshot } from '../../../../graders/engine/snapshot.ts';
import { getLab } from '../../../../graders/labs/index.ts';
import { collectLab3 } from './support/collect-lab3.ts';
import { completeLab3Account } from './support/lab3-account.ts';
import { lab3FixtureScenarios } from './support/lab3-scenarios.ts';
import { fixturePath, type Lab3Fixture, loadFixture } from './support/snapshot-edit.ts';

const grade = (name: Lab3Fixture) =>
	evaluateLab('lab3', loadFixture(name), { now: () => new Date('2026-11-22T12:05:00Z') });

describe('Lab 3 fixtures', () => {
	it.each(Object.keys(lab3FixtureScenarios))(
		'%s.json is what the real collectors produce (regenerate with generate.ts)',
		async (name) => {
			const scenario = lab3FixtureScenarios[name] as () => Promise<Parameters<typeof serializeSnapshot>[0]>;
			expect(serializeSnapshot(await scenario())).toBe(readFileSync(fixturePath(name as Lab3Fixture), 'utf8'));
		},
	);

	it('a finished lab passes every check for full marks', () => {
		const result = grade('passing');
		expect(result.outcome).toBe('pass');
		expect(result.score).toBe(result.maxScore);
		expect(result.checks.map((check) => check.status)).toEqual(Array(8).fill('pass'));
	});

	it('a half-done lab fails, and skips what depends on the failures', () => {
		const statuses = Object.fromEntries(grade('failing').checks.map((check) => [check.id, check.status]));
		expect(statuses).toEqual({
			'app-stack-deployed': 'pass',
			'tracing-enabled': 'fail',
			'traces-show-service-graph': 'skipped',
			'golden-signals-dashboard': 'fail',
			'latency-alarm-notifies': 'fail',
			'error-rate-alarm-notifies': 'fail',
			'alarm-topic-confirmed': 'skipped',
			'degradation-detected': 'skipped',
		});
	});

	it('a denied read is an error on the checks that need it, never a failure', () => {
		const result = grade('access-denied');
		expect(result.outcome).toBe('error');
		const errors = result.checks.filter((check) => check.status === 'error');
		expect(errors.map((check) => check.id)).toEqual(['traces-show-service-graph']);
		expect(errors[0]?.message).toContain('xray:GetTraceSummaries');
		expect(result.checks.filter((check) => check.status === 'fail')).toEqual([]);
	});

	it('collects the same snapshot whatever the page size (every paginated read follows its tokens)', async () => {
		const onePerPage = await collectLab3(completeLab3Account(), { pageSize: 1 });
		const manyPerPage = await collectLab3(completeLab3Account(), { pageSize: 100 });
		expect(onePerPage).toEqual(manyPerPage);
		expect(onePerPage).toEqual(loadFixture('passing'));
	});

	it('the generated grader policy covers every action the Lab 3 collectors call', () => {
		const actions = allowedActions(generateGraderPolicy(getLab('lab3').collectors));
		expect(actions).toEqual(
			expect.arrayContaining([
				'cloudformation:DescribeStacks',
				'cloudformation:ListStackResources',
				'lambda:GetFunctionConfiguration',
				'apigateway:GET',
				'xray:GetTraceSummaries',
				'xray:GetServiceGraph',
				'cloudwatch:ListDashboards',
				'cloudwatch:GetDashboard',
				'cloudwatch:DescribeAlarms',
				'cloudwatch:DescribeAlarmHistory',
				'sns:ListTopics',
				'sns:ListSubscriptionsByTopic',
				'ssm:GetParameterHistory',
				'cloudtrail:LookupEvents',
			]),
		);
		expect(actions.every((action) => /:(Describe|List|Get|Lookup)|^apigateway:GET$/.test(action))).toBe(true);
	});
});
