import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateLab } from '../../graders/engine/evaluate.ts';
import type { LabResult, Snapshot } from '../../graders/engine/types.ts';
import { lab4 } from '../../graders/labs/lab4/index.ts';
import { lab4Reads } from './lab4-reads.ts';
import { type Lab4Seed, seedLab4Account } from './seed/lab4-account.ts';
import { collectFromMoto } from './support/collect-from-moto.ts';
import { expectCliRun, expectReadsAgainstMoto, expectVerdictsAgainstMoto } from './support/lab-assertions.ts';
import { labRegions, seedingClients } from './support/moto-account.ts';
import { resultOf, runSreLabAgainstMoto } from './support/run-cli.ts';

const lab = lab4;
const region = labRegions.lab4;
const clients = seedingClients(region);
let seed: Lab4Seed;
let snapshot: Snapshot;
let result: LabResult;

beforeAll(async () => {
	seed = await seedLab4Account(clients);
	snapshot = await collectFromMoto(lab, region);
	result = evaluateLab('lab4', snapshot);
});
afterAll(() => clients.destroy());

describe('Lab 4 collectors against moto', () => {
	it('reads the seeded account', () => expect(snapshot.accountId).toBe('123456789012'));
	expectReadsAgainstMoto(lab, lab4Reads, () => ({ snapshot, seed }));
});

describe('Lab 4 verdicts from moto', () => {
	expectVerdictsAgainstMoto(lab, lab4Reads, () => result);

	it('cannot grade a step whose evidence moto cannot hold, and says which read', () => {
		const status = Object.fromEntries(result.checks.map((check) => [check.id, check.status]));
		expect(status).toEqual({
			'experiment-template-ready': 'error',
			// Their prerequisite could not be graded.
			'experiment-ran': 'skipped',
			'fault-detected': 'skipped',
			'remediation-ran': 'error',
			'drift-detected-and-fixed': 'error',
			'config-rule-reports': 'error',
			'postmortem-recorded': 'error',
		});
	});
});

describe('sre-lab check lab4 --endpoint-url <moto>', () => {
	it('grades the seeded account in a child process, exit 2 (could not grade, nothing failed), no stack trace', async () => {
		const run = await runSreLabAgainstMoto('lab4', region, ['--json']);
		expectCliRun(run, 2);
		const cli = resultOf(run);
		expect(cli.accountId).toBe('123456789012');
		expect(cli.checks.map((check) => [check.id, check.status])).toEqual(
			result.checks.map((check) => [check.id, check.status]),
		);
	});
});
