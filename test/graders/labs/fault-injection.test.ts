import { describe, expect, it } from 'vitest';
import { evaluateLab } from '../../../graders/engine/evaluate.ts';
import type { CheckStatus, Collector, Snapshot } from '../../../graders/engine/types.ts';
import { lab1 } from '../../../graders/labs/lab1/index.ts';
import { lab2 } from '../../../graders/labs/lab2/index.ts';
import { lab3 } from '../../../graders/labs/lab3/index.ts';
import { lab4 } from '../../../graders/labs/lab4/index.ts';
import { collectFromMockedAccount, type MockedAccount } from '../support/collect-mocked.ts';
import { type FaultLog, type FaultPlan, faultPlans, withFaults } from '../support/fault-injection.ts';
import {
	collectedAt,
	completeLab1Account,
	type Lab1Account,
	mockLab1Account,
	region,
	webInstanceId,
} from '../support/lab1-account.ts';
import { withOneReadLost } from '../support/lose-a-read.ts';
import { completeLab2Account, executionRoleName, fleetIds, mockLab2Account } from './lab2/support/lab2-account.ts';
import { app, completeLab3Account, mockLab3Account } from './lab3/support/lab3-account.ts';
import {
	completeLab4Account,
	gameDayTemplate,
	type Lab4Account,
	mockLab4Account,
} from './lab4/support/lab4-account.ts';

/**
 * Grades simulated accounts of every lab through injected faults — throttling after the SDK's
 * retries, connection resets, HTTP 500/503 and AccessDenied per operation — decided by a seeded hash
 * of each call, over many rounds, and compares every verdict with the fault-free run: a fault may turn
 * a pass into an error, never a pass or a skip into a fail (docs/graders.md, "A verdict rests only on
 * reads that succeeded"). The same accounts' fault-free snapshots also lose each read in turn.
 */

interface SimulatedAccount {
	lab: string;
	name: string;
	collectors: readonly Collector[];
	mock: () => MockedAccount;
}

/**
 * Lab 1 with what a real account also holds: syslog shipped under the same stream name (instead of
 * the error log, so that DescribeLogStreams stays under its 5 calls per second and the test fast),
 * with a filter of its own, and a dashboard of the 5xx alone.
 */
function lab1WithNeighbours(): Lab1Account {
	const account = completeLab1Account();
	delete account.logGroups['/sre-lab/lab1/error'];
	account.logGroups['/var/log/messages'] = [
		{
			stream: webInstanceId,
			lastEvent: '2026-11-22T11:59:00.000Z',
			lines: [
				'Nov 22 11:58:59 ip-10-0-1-20 systemd[1]: Started Session 42 of User ec2-user.',
				'Nov 22 11:59:00 ip-10-0-1-20 amazon-cloudwatch-agent[2101]: E! cloudwatch: WriteToCloudWatch failure',
			],
		},
	];
	account.metricFilters.push({
		name: 'agent-errors',
		group: '/var/log/messages',
		pattern: '"E!"',
		namespace: 'SRE/Lab1',
		metric: 'AgentErrors',
		value: '1',
	});
	account.dashboards.ops = {
		widgets: [{ type: 'metric', properties: { metrics: [['SRE/Lab1', 'Http5xx', { stat: 'Sum' }]] } }],
	};
	return account;
}

/** Lab 1 half-way: the 5xx filter is right, no request filter yet, a 5xx count alarm, only the partial dashboard. */
function lab1HalfWay(): Lab1Account {
	const account = lab1WithNeighbours();
	account.metricFilters = account.metricFilters.filter((filter) => filter.metric !== 'HttpRequests');
	account.alarms = [
		{
			AlarmName: 'lab1-5xx',
			AlarmArn: `arn:aws:cloudwatch:${region}:123456789012:alarm:lab1-5xx`,
			Namespace: 'SRE/Lab1',
			MetricName: 'Http5xx',
			Statistic: 'Sum',
			ComparisonOperator: 'GreaterThanThreshold',
			Threshold: 5,
			EvaluationPeriods: 1,
			Period: 300,
			ActionsEnabled: true,
			AlarmActions: [],
			StateValue: 'OK',
		},
	];
	delete account.dashboards['lab1-sli'];
	return account;
}

/** Lab 2 with a second function tagged for the lab, listed first, whose role may only list snapshots. */
function lab2WithNeighbours() {
	const account = completeLab2Account();
	account.functions.unshift({ name: 'lab2-snapshot-report', role: 'lab2-report-role', tags: { 'sre-lab': 'lab2' } });
	account.roles['lab2-report-role'] = {
		'inline:list-snapshots': {
			Version: '2012-10-17',
			Statement: [{ Effect: 'Allow', Action: 'ec2:DescribeSnapshots', Resource: '*' }],
		},
	};
	account.simulations['lab2-report-role'] = {
		'ec2:DescribeSnapshots': 'allowed',
		'ec2:DeleteSnapshot': 'implicitDeny',
	};
	return account;
}

function lab2HalfWay() {
	const account = completeLab2Account();
	for (const window of account.windows) for (const task of window.tasks) task.parameters = { Operation: ['Scan'] };
	account.patchStates = fleetIds.map((id) => ({ id, operation: 'Scan', end: '2026-11-22T03:12:00.000Z', failed: 0 }));
	account.commands = account.commands.filter((command) => command.operation === 'Scan');
	account.roles[executionRoleName] = {
		'inline:snapshot-cleanup': {
			Version: '2012-10-17',
			Statement: [{ Effect: 'Allow', Action: 'ec2:DescribeSnapshots', Resource: '*' }],
		},
	};
	account.simulations[executionRoleName] = { 'ec2:DescribeSnapshots': 'allowed', 'ec2:DeleteSnapshot': 'implicitDeny' };
	account.schedules = [];
	account.metrics = {};
	account.trailEvents = [];
	account.snapshots.push({ id: 'snap-0a2b0000000expired1', tags: { 'sre-lab': 'lab2', DeleteAfter: '2026-11-15' } });
	return account;
}

/** Lab 3 with a draft dashboard (average latency and traffic only) and a draft latency alarm without actions. */
function lab3WithNeighbours() {
	const account = completeLab3Account();
	account.dashboards['lab3-draft'] = {
		widgets: [
			{
				type: 'metric',
				properties: {
					metrics: [
						['AWS/ApiGateway', 'Latency', 'ApiId', app.apiId],
						['.', 'Count', '.', '.'],
					],
				},
			},
		],
	};
	account.alarms.push({
		...account.alarms[0],
		AlarmName: 'lab3-latency-draft',
		AlarmArn: 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:lab3-latency-draft',
		ExtendedStatistic: undefined,
		Statistic: 'Average',
		AlarmActions: [],
		OKActions: [],
	} as (typeof account.alarms)[number]);
	return account;
}

function lab3HalfWay() {
	const account = lab3WithNeighbours();
	account.functions[app.inventory] = { tracingMode: 'PassThrough' };
	account.alarms = account.alarms.map((alarm) =>
		alarm.AlarmName === app.errorAlarm ? { ...alarm, AlarmActions: [] } : alarm,
	);
	account.subscriptions = [{ arn: 'PendingConfirmation', topic: app.topicArn, protocol: 'email' }];
	account.history = [];
	return account;
}

/**
 * Lab 4 with a first draft beside the game day: a template tagged for the lab without a stop
 * condition, listed first, whose one experiment failed; a disabled rule on alarm state changes; a
 * failed run of the runbook before the successful one.
 */
function lab4WithNeighbours(): Lab4Account {
	const account = completeLab4Account();
	account.fisTemplates.unshift({ ...gameDayTemplate(), id: 'EXTdraft000000001', stopConditions: [{ source: 'none' }] });
	account.experiments.unshift({
		id: 'EXPdraft00000001',
		template: 'EXTdraft000000001',
		status: 'failed',
		reason: 'Experiment failed.',
		created: '2026-11-22T09:40:00Z',
		start: '2026-11-22T09:40:02Z',
		end: '2026-11-22T09:40:30Z',
	});
	const [rule] = account.rules;
	if (rule) account.rules.unshift({ ...rule, name: 'lab4-remediate-draft', state: 'DISABLED' });
	const [run] = account.executions;
	if (run) account.executions.unshift({ ...run, id: 'e0a1b2c3-0000-4000-8000-0000000000ff', status: 'Failed' });
	return account;
}

/** Lab 4 half-way: the experiment failed (so detection is skipped), the rule is disabled and the drift is not undone. */
function lab4HalfWay(): Lab4Account {
	const account = completeLab4Account();
	account.experiments = account.experiments.map((experiment) => ({
		...experiment,
		status: 'failed',
		reason: 'Experiment failed.',
	}));
	account.history = [];
	for (const rule of account.rules) rule.state = 'DISABLED';
	account.driftDetections = account.driftDetections.slice(0, 1);
	return account;
}

const accounts: SimulatedAccount[] = [
	{ lab: 'lab1', name: 'complete', collectors: lab1.collectors, mock: () => mockLab1Account(completeLab1Account()) },
	{
		lab: 'lab1',
		name: 'with neighbours',
		collectors: lab1.collectors,
		mock: () => mockLab1Account(lab1WithNeighbours()),
	},
	{ lab: 'lab1', name: 'half-way', collectors: lab1.collectors, mock: () => mockLab1Account(lab1HalfWay()) },
	{ lab: 'lab2', name: 'complete', collectors: lab2.collectors, mock: () => mockLab2Account(completeLab2Account()) },
	{
		lab: 'lab2',
		name: 'with neighbours',
		collectors: lab2.collectors,
		mock: () => mockLab2Account(lab2WithNeighbours()),
	},
	{ lab: 'lab2', name: 'half-way', collectors: lab2.collectors, mock: () => mockLab2Account(lab2HalfWay()) },
	{ lab: 'lab3', name: 'complete', collectors: lab3.collectors, mock: () => mockLab3Account(completeLab3Account()) },
	{
		lab: 'lab3',
		name: 'with neighbours',
		collectors: lab3.collectors,
		mock: () => mockLab3Account(lab3WithNeighbours()),
	},
	{ lab: 'lab3', name: 'half-way', collectors: lab3.collectors, mock: () => mockLab3Account(lab3HalfWay()) },
	{ lab: 'lab4', name: 'complete', collectors: lab4.collectors, mock: () => mockLab4Account(completeLab4Account()) },
	{
		lab: 'lab4',
		name: 'with neighbours',
		collectors: lab4.collectors,
		mock: () => mockLab4Account(lab4WithNeighbours()),
	},
	{ lab: 'lab4', name: 'half-way', collectors: lab4.collectors, mock: () => mockLab4Account(lab4HalfWay()) },
];

const collect = (account: SimulatedAccount, plan?: FaultPlan, log?: FaultLog) =>
	collectFromMockedAccount({
		collectors: account.collectors,
		installMocks: account.mock,
		region,
		collectedAt,
		wrapClients: plan && log ? (clients) => withFaults(clients, plan, log) : undefined,
	});

const statuses = (lab: string, snapshot: Snapshot) =>
	new Map<string, { status: CheckStatus; message: string }>(
		evaluateLab(lab, snapshot, { now: () => new Date('2026-11-22T12:05:00Z') }).checks.map((check) => [
			check.id,
			{ status: check.status, message: check.message },
		]),
	);

/** Checks that were pass or skipped in `before` and are fail in `after`. */
function passesTurnedToFail(
	before: ReadonlyMap<string, { status: CheckStatus }>,
	after: ReadonlyMap<string, { status: CheckStatus; message: string }>,
): string[] {
	return [...after].flatMap(([id, { status, message }]) => {
		const was = before.get(id)?.status;
		return (was === 'pass' || was === 'skipped') && status === 'fail' ? [`${id} ${was} → fail ("${message}")`] : [];
	});
}

const rounds = 10;

describe('grading through injected faults', () => {
	it('the simulated accounts pass, fail and skip checks without faults, so transitions can show', async () => {
		const seen = new Set<CheckStatus>();
		for (const account of accounts) {
			for (const { status } of statuses(account.lab, await collect(account)).values()) seen.add(status);
		}
		expect([...seen].sort()).toEqual(['fail', 'pass', 'skipped']);
	});

	it(`turns no pass or skip into a fail over ${rounds} seeded rounds of throttling, resets, 5xx and denials`, async () => {
		const baselines = new Map<SimulatedAccount, ReturnType<typeof statuses>>();
		for (const account of accounts) baselines.set(account, statuses(account.lab, await collect(account)));
		const turned: string[] = [];
		const log: FaultLog = { injected: [] };
		let errors = 0;
		for (const [round, plan] of faultPlans(20261126, rounds).entries()) {
			for (const account of accounts) {
				const graded = statuses(
					account.lab,
					await collect(account, { ...plan, seed: plan.seed * 10 + accounts.indexOf(account) }, log),
				);
				errors += [...graded.values()].filter((check) => check.status === 'error').length;
				for (const transition of passesTurnedToFail(baselines.get(account) as ReturnType<typeof statuses>, graded)) {
					turned.push(`round ${round}, ${account.lab} ${account.name}: ${transition}`);
				}
			}
		}
		expect(turned).toEqual([]);
		// The faults were there and reached the verdicts: every kind injected, many checks made errors.
		expect(new Set(log.injected.map((fault) => fault.kind))).toEqual(
			new Set(['throttled', 'reset', 'denied', 'server-error']),
		);
		expect(log.injected.length).toBeGreaterThan(200);
		expect(errors).toBeGreaterThan(rounds * 5);
	}, 20_000);

	it.each(accounts.map((account) => [account.lab, account.name, account] as const))(
		'%s %s: losing any one read of the fault-free snapshot turns no pass or skip into a fail',
		async (lab, _name, account) => {
			const snapshot = await collect(account);
			const before = statuses(lab, snapshot);
			const turned = withOneReadLost(snapshot, 'rotate').flatMap(({ what, snapshot: lost }) =>
				passesTurnedToFail(before, statuses(lab, lost)).map((transition) => `${what}: ${transition}`),
			);
			expect(turned).toEqual([]);
		},
	);
});
