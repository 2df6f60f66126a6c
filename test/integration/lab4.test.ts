import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateLabDefinition } from '../../graders/engine/evaluate.ts';
import type { LabResult, Snapshot } from '../../graders/engine/types.ts';
import { lab4Steps4To7 } from '../graders/labs/lab4/support/lab4-steps.ts';
import { lab4Reads } from './lab4-reads.ts';
import { type Lab4Seed, seedLab4Account } from './seed/lab4-account.ts';
import { collectFromMoto } from './support/collect-from-moto.ts';
import { expectReadsAgainstMoto, expectVerdictsAgainstMoto } from './support/lab-assertions.ts';
import { labRegions, seedingClients } from './support/moto-account.ts';

// Lab 4 is not registered yet (its FIS steps wait for a client), so there is no `sre-lab check lab4`
// to run: its implemented steps are graded through the tests' definition of them.
const lab = lab4Steps4To7;
const region = labRegions.lab4;
const clients = seedingClients(region);
let seed: Lab4Seed;
let snapshot: Snapshot;
let result: LabResult;

beforeAll(async () => {
	seed = await seedLab4Account(clients);
	snapshot = await collectFromMoto(lab, region);
	result = evaluateLabDefinition(lab, snapshot);
});
afterAll(() => clients.destroy());

describe('Lab 4 (steps 4–7) collectors against moto', () => {
	it('reads the seeded account', () => expect(snapshot.accountId).toBe('123456789012'));
	expectReadsAgainstMoto(lab, lab4Reads, () => ({ snapshot, seed }));
});

describe('Lab 4 (steps 4–7) verdicts from moto', () => {
	expectVerdictsAgainstMoto(lab, lab4Reads, () => result);

	it('cannot grade a step whose evidence moto cannot hold, and says which read', () => {
		const status = Object.fromEntries(result.checks.map((check) => [check.id, check.status]));
		expect(status).toEqual({
			'remediation-ran': 'error',
			'drift-detected-and-fixed': 'error',
			'config-rule-reports': 'error',
			'postmortem-recorded': 'error',
		});
	});
});
