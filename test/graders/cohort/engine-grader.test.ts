import { afterEach, describe, expect, it, vi } from 'vitest';
import { AssumeRoleFailed } from '../../../graders/cohort/account-errors.ts';
import { createEngineGrader } from '../../../graders/cohort/engine-grader.ts';
import type { RosterEntry } from '../../../graders/cohort/roster.ts';
import { collectorsForLabs, getLab, labIds } from '../../../graders/labs/index.ts';
import { testCredentials } from '../support/collect-lab1.ts';
import {
	accountId,
	collectedAt,
	completeLab1Account,
	type MockedClients,
	mockLab1Account,
	region,
} from '../support/lab1-account.ts';

const target: RosterEntry = {
	line: 2,
	learnerId: 'ana',
	name: 'Ana Lima',
	email: 'ana@example.org',
	accountId,
	roleArn: `arn:aws:iam::${accountId}:role/SreLabGrader`,
	region,
	externalId: 'spring-2026',
};

let mocks: MockedClients | undefined;
afterEach(() => mocks?.restore());

function grader(credentialsFor = () => async () => testCredentials) {
	return createEngineGrader({ labs: ['lab1'], windowMs: 24 * 3_600_000, credentialsFor, now: () => collectedAt });
}

describe('createEngineGrader', () => {
	it('collects once with the account credentials and evaluates every requested lab', async () => {
		mocks = mockLab1Account(completeLab1Account());
		let credentialCalls = 0;
		const grade = await grader(() => async () => {
			credentialCalls += 1;
			return testCredentials;
		})(target, new AbortController().signal);
		expect(grade.snapshot.accountId).toBe(accountId);
		expect(grade.results.map((result) => [result.lab, result.outcome])).toEqual([['lab1', 'pass']]);
		expect(credentialCalls).toBeGreaterThanOrEqual(1);
	});

	it('grades several labs from one collection: every read runs once and serves each lab that needs it', async () => {
		mocks = mockLab1Account(completeLab1Account());
		const calls = new Map<string, number>();
		const spies = collectorsForLabs(labIds()).map((collector) =>
			vi.spyOn(collector, 'collect').mockImplementation(async () => {
				calls.set(collector.id, (calls.get(collector.id) ?? 0) + 1);
				throw new Error('not read in this test');
			}),
		);
		try {
			const grade = await createEngineGrader({
				labs: labIds(),
				windowMs: 24 * 3_600_000,
				credentialsFor: () => async () => testCredentials,
				now: () => collectedAt,
			})(target, new AbortController().signal);
			expect(grade.results.map((result) => result.lab)).toEqual(labIds());
			// The independent reads (the ones that need no other read) all ran, each exactly once.
			const independent = collectorsForLabs(labIds()).filter((collector) => !collector.needs?.length);
			for (const collector of independent) expect(calls.get(collector.id), collector.id).toBe(1);
			const shared = independent.filter(
				(collector) => labIds().filter((lab) => getLab(lab).collectors.includes(collector)).length > 1,
			);
			expect(shared.length).toBeGreaterThan(0);
			for (const collector of shared) expect(grade.snapshot.reads[collector.id], collector.id).toBeDefined();
		} finally {
			for (const spy of spies) spy.mockRestore();
		}
	});

	it('refuses to grade an account other than the roster says', async () => {
		mocks = mockLab1Account(completeLab1Account());
		await expect(grader()({ ...target, accountId: '999999999999' }, new AbortController().signal)).rejects.toThrow(
			'the grader role answered from account 123456789012, but the roster gives 999999999999 for ana',
		);
	});

	it('fails fast, before any read, when the role cannot be assumed', async () => {
		mocks = mockLab1Account(completeLab1Account());
		const refused = () => async () => {
			throw new AssumeRoleFailed(target.roleArn, new Error('AccessDenied'));
		};
		await expect(grader(refused)(target, new AbortController().signal)).rejects.toBeInstanceOf(AssumeRoleFailed);
		expect(mocks.sts.calls()).toHaveLength(0);
	});
});
