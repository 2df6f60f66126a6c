import { readFile } from 'node:fs/promises';
import { ListServiceLevelObjectivesCommand } from '@aws-sdk/client-application-signals';
import {
	DescribeLogStreamsCommand,
	type DescribeLogStreamsCommandInput,
	TestMetricFilterCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { GetInstanceProfileCommand } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import type { LogStream } from '../../../graders/collectors/logs/recent-log-streams.ts';
import { serializeSnapshot } from '../../../graders/engine/snapshot.ts';
import type { PerResource } from '../../../graders/engine/types.ts';
import { lab1 } from '../../../graders/labs/lab1/index.ts';
import { collectLab1 } from '../support/collect-lab1.ts';
import {
	accessLogGroup,
	completeLab1Account,
	lab1ApplicationSignalsSlo,
	sloArn,
	webInstanceId,
} from '../support/lab1-account.ts';
import { lab1FixtureScenarios } from '../support/lab1-scenarios.ts';
import { fixturePath } from '../support/snapshot-edit.ts';

const notAuthorized = (action: string) =>
	Object.assign(
		new Error(`User: arn:aws:sts::123456789012:assumed-role/Learner/l is not authorized to perform: ${action}`),
		{
			name: 'AccessDeniedException',
		},
	);

describe('Lab 1 collectors against a mocked account', () => {
	it('produce the committed fixtures (regenerate with test/fixtures/snapshots/lab1/generate.ts)', async () => {
		for (const [name, scenario] of Object.entries(lab1FixtureScenarios)) {
			expect(serializeSnapshot(await scenario()), name).toBe(await readFile(fixturePath(name), 'utf8'));
		}
	});

	it('call only operations they declare, so the generated IAM policy covers every call', async () => {
		const called = new Set<string>();
		const account = completeLab1Account();
		account.serviceLevelObjectives = { 'lab1-availability': lab1ApplicationSignalsSlo };
		await collectLab1(account, {
			pageSize: 1,
			after: (mocks) => {
				const prefixes = { applicationSignals: 'application-signals' } as Record<string, string>;
				for (const service of [
					'sts',
					'ec2',
					'iam',
					'cloudwatch',
					'logs',
					'sns',
					'ssm',
					'applicationSignals',
				] as const) {
					for (const call of mocks[service].calls()) {
						const prefix = prefixes[service] ?? service;
						called.add(`${prefix}:${(call.args[0] as object).constructor.name.replace(/Command$/, '')}`);
					}
				}
			},
		});
		const declared = new Set([
			'sts:GetCallerIdentity',
			...lab1.collectors.flatMap((collector) => collector.iamActions),
		]);
		expect([...called].filter((action) => !declared.has(action))).toEqual([]);
		expect(called.size).toBe(declared.size);
	});

	it('follow every page: one item per page gives the same snapshot', async () => {
		const onePerPage = await collectLab1(completeLab1Account(), { pageSize: 1 });
		expect(serializeSnapshot(onePerPage)).toBe(await readFile(fixturePath('passing'), 'utf8'));
	});

	it("ask for each lab instance's streams by name prefix, ordered by name, and skip AWS services' groups", async () => {
		const account = completeLab1Account();
		account.logGroups[accessLogGroup] = [
			{ stream: 'laptop', lastEvent: '2026-11-22T11:59:00.000Z' },
			{ stream: webInstanceId, lastEvent: '2026-11-22T11:58:00.000Z' },
		];
		let calls: DescribeLogStreamsCommandInput[] = [];
		const snapshot = await collectLab1(account, {
			after: (mocks) => {
				calls = mocks.logs.commandCalls(DescribeLogStreamsCommand).map((call) => call.args[0].input);
			},
		});
		// The reference: "If you order the results by event time, you cannot specify the logStreamNamePrefix parameter."
		expect(
			calls.every((input) => input.logStreamNamePrefix === webInstanceId && input.orderBy === 'LogStreamName'),
		).toBe(true);
		expect(calls.map((input) => input.logGroupName).sort()).toEqual([accessLogGroup, '/sre-lab/lab1/error']);
		const streams = snapshot.reads['logs.recent-log-streams'] as { data: PerResource<LogStream[]> };
		expect(streams.data[accessLogGroup]).toEqual({
			ok: true,
			data: [
				{
					logStreamName: webInstanceId,
					lastEventTime: '2026-11-22T11:58:00.000Z',
					lastIngestionTime: '2026-11-22T11:58:00.000Z',
				},
			],
		});
	});

	it('keep a stream whose lastEventTimestamp is not set yet, and every stream after it', async () => {
		const account = completeLab1Account();
		account.logGroups[accessLogGroup] = [
			{ stream: `${webInstanceId}-a`, lastEvent: null, lastIngestion: '2026-11-22T11:59:00.000Z' },
			{ stream: `${webInstanceId}-b`, lastEvent: '2026-11-22T11:58:00.000Z' },
		];
		const snapshot = await collectLab1(account, { pageSize: 1 });
		const streams = snapshot.reads['logs.recent-log-streams'] as { data: PerResource<LogStream[]> };
		expect(streams.data[accessLogGroup]).toEqual({
			ok: true,
			data: [
				{ logStreamName: `${webInstanceId}-a`, lastEventTime: null, lastIngestionTime: '2026-11-22T11:59:00.000Z' },
				{
					logStreamName: `${webInstanceId}-b`,
					lastEventTime: '2026-11-22T11:58:00.000Z',
					lastIngestionTime: '2026-11-22T11:58:00.000Z',
				},
			],
		});
	});

	it('start at most 5 DescribeLogStreams calls in any second (its quota per account and Region)', async () => {
		const account = completeLab1Account();
		for (let index = 0; index < 9; index++) account.logGroups[`/sre-lab/lab1/extra-${index}`] = [];
		const starts: number[] = [];
		await collectLab1(account, {
			before: (mocks) => {
				mocks.logs.on(DescribeLogStreamsCommand).callsFake(() => {
					starts.push(performance.now());
					return { logStreams: [] };
				});
			},
		});
		expect(starts).toHaveLength(11);
		for (let index = 5; index < starts.length; index++) {
			expect((starts[index] as number) - (starts[index - 5] as number)).toBeGreaterThanOrEqual(990);
		}
	}, 10_000);

	it('sample the latest lines of each instance stream and keep only counts, never the lines', async () => {
		const snapshot = await collectLab1(completeLab1Account());
		expect(snapshot.reads['logs.instance-stream-samples']).toEqual({
			ok: true,
			data: {
				[accessLogGroup]: { ok: true, data: [{ logStreamName: webInstanceId, sampled: 3, accessLogLines: 3 }] },
				'/sre-lab/lab1/error': { ok: true, data: [{ logStreamName: webInstanceId, sampled: 2, accessLogLines: 0 }] },
			},
		});
		expect(JSON.stringify(snapshot)).not.toContain('22/Nov/2026:11:57:58');
	});

	it('record AccessDenied as a typed error that names the action', async () => {
		const snapshot = await collectLab1(completeLab1Account(), {
			before: (mocks) => mocks.ec2.on(DescribeInstancesCommand).rejects(notAuthorized('ec2:DescribeInstances')),
		});
		expect(snapshot.reads['ec2.instances']).toEqual({
			ok: false,
			error: expect.objectContaining({
				kind: 'access-denied',
				service: 'ec2',
				operation: 'DescribeInstances',
				action: 'ec2:DescribeInstances',
			}),
		});
		// A read that needs the denied one carries the same error instead of an empty answer.
		expect(snapshot.reads['iam.instance-profile-roles']).toEqual(snapshot.reads['ec2.instances']);
		expect(snapshot.reads['logs.log-groups']?.ok).toBe(true);
	});

	it('record an operation the endpoint does not implement per resource, without a crash', async () => {
		const snapshot = await collectLab1(completeLab1Account(), {
			before: (mocks) =>
				mocks.logs.on(TestMetricFilterCommand).rejects(
					Object.assign(new Error('The API action TestMetricFilter for service logs is not implemented'), {
						name: 'InternalFailure',
						$metadata: { httpStatusCode: 501 },
					}),
				),
		});
		const tests = snapshot.reads['logs.metric-filter-tests'];
		if (!tests?.ok) throw new Error('expected the fan-out read itself to succeed');
		const outcomes = Object.values(
			(tests.data as { byPattern: Record<string, { ok: boolean; error?: { kind: string; action: string } }> })
				.byPattern,
		);
		expect(outcomes).toHaveLength(2);
		for (const outcome of outcomes)
			expect(outcome).toMatchObject({ ok: false, error: { kind: 'not-implemented', action: 'logs:TestMetricFilter' } });
	});

	it('treat an empty filter pattern as matching every line without asking the API', async () => {
		const account = completeLab1Account();
		account.metricFilters = [
			{ name: 'everything', group: accessLogGroup, pattern: '', namespace: 'SRE/Lab1', metric: 'Lines', value: '1' },
		];
		let tested = -1;
		const snapshot = await collectLab1(account, {
			after: (mocks) => {
				tested = mocks.logs.commandCalls(TestMetricFilterCommand).length;
			},
		});
		const tests = snapshot.reads['logs.metric-filter-tests'];
		if (!tests?.ok) throw new Error('expected the tests to be recorded');
		const data = tests.data as {
			samples: { line: string }[];
			byPattern: Record<string, { ok: boolean; data: { matchedLines: string[] } }>;
		};
		expect(data.byPattern['']?.data.matchedLines).toEqual(data.samples.map((sample) => sample.line));
		expect(tested).toBe(0);
	});

	it('keep one unreadable instance profile from hiding the others', async () => {
		const account = completeLab1Account();
		account.instances.push({ id: 'i-0second', state: 'running', tags: {}, profile: 'ghost-profile', groups: [] });
		const snapshot = await collectLab1(account, {
			before: (mocks) => {
				mocks.iam
					.on(GetInstanceProfileCommand, { InstanceProfileName: 'ghost-profile' })
					.rejects(notAuthorized('iam:GetInstanceProfile'));
			},
		});
		const profiles = snapshot.reads['iam.instance-profile-roles'];
		if (!profiles?.ok) throw new Error('expected per-resource outcomes');
		const data = profiles.data as Record<string, { ok: boolean }>;
		expect(data['arn:aws:iam::123456789012:instance-profile/lab1-web-profile']?.ok).toBe(true);
		expect(data['arn:aws:iam::123456789012:instance-profile/ghost-profile']).toMatchObject({
			ok: false,
			error: { kind: 'access-denied' },
		});
	});
});

describe('the Application Signals SLO collector', () => {
	it('reads every page of SLOs and each one’s attainment goal and interval', async () => {
		const account = completeLab1Account();
		account.serviceLevelObjectives = {
			'lab1-availability': lab1ApplicationSignalsSlo,
			'lab1-calendar': {
				EvaluationType: 'PeriodBased',
				Goal: {
					Interval: {
						CalendarInterval: { StartTime: new Date('2026-11-01T00:00:00Z'), Duration: 1, DurationUnit: 'MONTH' },
					},
					AttainmentGoal: 99.5,
				},
			},
			'lab1-no-goal': {},
		};
		const snapshot = await collectLab1(account, { pageSize: 1 });
		expect(snapshot.reads['application-signals.service-level-objectives']).toEqual({
			ok: true,
			data: {
				[sloArn('lab1-availability')]: {
					ok: true,
					data: {
						arn: sloArn('lab1-availability'),
						name: 'lab1-availability',
						evaluationType: 'RequestBased',
						attainmentGoal: 99.9,
						interval: { kind: 'rolling', duration: 30, unit: 'DAY' },
					},
				},
				[sloArn('lab1-calendar')]: {
					ok: true,
					data: {
						arn: sloArn('lab1-calendar'),
						name: 'lab1-calendar',
						evaluationType: 'PeriodBased',
						attainmentGoal: 99.5,
						interval: { kind: 'calendar', duration: 1, unit: 'MONTH', startTime: '2026-11-01T00:00:00.000Z' },
					},
				},
				[sloArn('lab1-no-goal')]: {
					ok: true,
					data: {
						arn: sloArn('lab1-no-goal'),
						name: 'lab1-no-goal',
						evaluationType: null,
						attainmentGoal: null,
						interval: null,
					},
				},
			},
		});
	});

	it('records an endpoint without Application Signals as not implemented', async () => {
		const snapshot = await collectLab1(completeLab1Account(), {
			before: (mocks) =>
				mocks.applicationSignals.on(ListServiceLevelObjectivesCommand).rejects(
					Object.assign(new Error('The API for service application-signals is not yet implemented'), {
						name: 'InternalFailure',
						$metadata: { httpStatusCode: 501 },
					}),
				),
		});
		expect(snapshot.reads['application-signals.service-level-objectives']).toMatchObject({
			ok: false,
			error: { kind: 'not-implemented', action: 'application-signals:ListServiceLevelObjectives' },
		});
	});

	it('records a Region without an Application Signals endpoint as not implemented there, not as a network failure', async () => {
		const host = 'application-signals.eu-west-1.api.aws';
		const snapshot = await collectLab1(completeLab1Account(), {
			before: (mocks) =>
				mocks.applicationSignals
					.on(ListServiceLevelObjectivesCommand)
					.rejects(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND', hostname: host })),
		});
		expect(snapshot.reads['application-signals.service-level-objectives']).toEqual({
			ok: false,
			error: {
				kind: 'not-implemented',
				service: 'application-signals',
				operation: 'ListServiceLevelObjectives',
				action: 'application-signals:ListServiceLevelObjectives',
				message: `application-signals is not offered in eu-west-1 (${host} does not resolve), so application-signals:ListServiceLevelObjectives could not be read there.`,
			},
		});
	});
});
