import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateLab } from '../../graders/engine/evaluate.ts';
import type { LabResult, Snapshot } from '../../graders/engine/types.ts';
import { lab1 } from '../../graders/labs/lab1/index.ts';
import { lab1Reads } from './lab1-reads.ts';
import { type Lab1Seed, seedLab1Account } from './seed/lab1-account.ts';
import { collectFromMoto } from './support/collect-from-moto.ts';
import { expectCliRun, expectReadsAgainstMoto, expectVerdictsAgainstMoto } from './support/lab-assertions.ts';
import { labRegions, seedingClients } from './support/moto-account.ts';
import { resultOf, runSreLabAgainstMoto } from './support/run-cli.ts';

const region = labRegions.lab1;
const clients = seedingClients(region);
let seed: Lab1Seed;
let snapshot: Snapshot;
let result: LabResult;

beforeAll(async () => {
	seed = await seedLab1Account(clients);
	snapshot = await collectFromMoto(lab1, region);
	result = evaluateLab('lab1', snapshot);
});
afterAll(() => clients.destroy());

describe('Lab 1 collectors against moto', () => {
	it('reads the seeded account', () => expect(snapshot.accountId).toBe('123456789012'));
	expectReadsAgainstMoto(lab1, lab1Reads, () => ({ snapshot, seed }));
});

describe('Lab 1 verdicts from moto', () => {
	expectVerdictsAgainstMoto(lab1, lab1Reads, () => result);

	const status = (id: string) => result.checks.find((check) => check.id === id)?.status;

	it('passes the steps whose reads moto implements', () => {
		for (const id of [
			'instance-serves-http',
			'instance-role-can-publish',
			'agent-publishes-metrics',
			'access-log-shipped',
			// Application Signals is unreadable there, and the parameter alone is a recorded SLO.
			'slo-recorded',
		]) {
			expect(status(id), id).toBe('pass');
		}
	});

	it('cannot verify the filters without TestMetricFilter, and says so', () => {
		for (const id of ['error-filter-counts-5xx', 'request-filter-counts-requests']) {
			const check = result.checks.find((candidate) => candidate.id === id);
			expect(check?.status, id).toBe('error');
			expect(check?.message).toContain('logs:TestMetricFilter');
		}
	});

	it('skips what builds on the filters, naming the step that could not be graded', () => {
		for (const id of ['slo-alarm-notifies', 'topic-has-confirmed-subscription', 'sli-dashboard']) {
			const check = result.checks.find((candidate) => candidate.id === id);
			expect(check?.status, id).toBe('skipped');
			expect(check?.message).toContain('step 3');
		}
	});
});

describe('sre-lab check lab1 --endpoint-url <moto>', () => {
	it('grades the seeded account in a child process, exit 2 (could not grade everything), no stack trace', async () => {
		const run = await runSreLabAgainstMoto('lab1', region, ['--json']);
		expectCliRun(run, 2);
		const cli = resultOf(run);
		expect(cli.accountId).toBe('123456789012');
		expect(cli.checks.map((check) => [check.id, check.status])).toEqual(
			result.checks.map((check) => [check.id, check.status]),
		);
	});
});
