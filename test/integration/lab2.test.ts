import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateLab } from '../../graders/engine/evaluate.ts';
import type { LabResult, Snapshot } from '../../graders/engine/types.ts';
import { lab2 } from '../../graders/labs/lab2/index.ts';
import { lab2Reads } from './lab2-reads.ts';
import { type Lab2Seed, seedLab2Account } from './seed/lab2-account.ts';
import { collectFromMoto } from './support/collect-from-moto.ts';
import { expectCliRun, expectReadsAgainstMoto, expectVerdictsAgainstMoto } from './support/lab-assertions.ts';
import { labRegions, seedingClients } from './support/moto-account.ts';
import { resultOf, runSreLabAgainstMoto } from './support/run-cli.ts';

const region = labRegions.lab2;
const clients = seedingClients(region);
let seed: Lab2Seed;
let snapshot: Snapshot;
let result: LabResult;

beforeAll(async () => {
	seed = await seedLab2Account(clients);
	snapshot = await collectFromMoto(lab2, region);
	result = evaluateLab('lab2', snapshot);
});
afterAll(() => clients.destroy());

describe('Lab 2 collectors against moto', () => {
	it('reads the seeded account', () => expect(snapshot.accountId).toBe('123456789012'));
	expectReadsAgainstMoto(lab2, lab2Reads, () => ({ snapshot, seed }));
});

describe('Lab 2 verdicts from moto', () => {
	expectVerdictsAgainstMoto(lab2, lab2Reads, () => result);

	const check = (id: string) => result.checks.find((candidate) => candidate.id === id);

	it('cannot tell whether the fleet is managed without DescribeInstanceInformation, and says so', () => {
		expect(check('fleet-tagged')?.status).toBe('pass');
		expect(check('fleet-managed')?.status).toBe('error');
		expect(check('fleet-managed')?.message).toContain('ssm:DescribeInstanceInformation');
		expect(check('patching-scheduled')?.status).toBe('skipped');
	});

	it('passes the cleanup steps from policies, schedules and metrics moto answers', () => {
		// Without SimulatePrincipalPolicy the grader falls back to the policy documents, and says so.
		expect(check('cleanup-function-permitted')?.status).toBe('pass');
		expect(check('cleanup-scheduled')?.status).toBe('pass');
		expect(check('cleanup-ran-cleanly')?.status).toBe('pass');
	});

	it('cannot tell who deleted snapshots without CloudTrail, and says so', () => {
		expect(check('snapshots-cleaned')?.status).toBe('error');
		expect(check('snapshots-cleaned')?.message).toContain('cloudtrail:LookupEvents');
	});
});

describe('sre-lab check lab2 --endpoint-url <moto>', () => {
	it('grades the seeded account in a child process, exit 2 (could not grade everything), no stack trace', async () => {
		const run = await runSreLabAgainstMoto('lab2', region, ['--json']);
		expectCliRun(run, 2);
		const cli = resultOf(run);
		expect(cli.accountId).toBe('123456789012');
		expect(cli.checks.map((check) => [check.id, check.status])).toEqual(
			result.checks.map((check) => [check.id, check.status]),
		);
	});
});
