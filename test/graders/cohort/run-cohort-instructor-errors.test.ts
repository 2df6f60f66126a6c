import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { InstructorSideError } from '../../../graders/cohort/account-errors.ts';
import type { AccountDone, GradeAccount } from '../../../graders/cohort/account-outcome.ts';
import { runCohort } from '../../../graders/cohort/run-cohort.ts';
import { fakeLabResult, fakeSnapshot, fakeRosterEntries as targets } from '../support/cohort-fixtures.ts';

const grade = (accountId: string) => ({
	snapshot: fakeSnapshot(accountId),
	results: [fakeLabResult('lab1', accountId, ['pass'])],
});

describe('runCohort: trouble on the instructor’s side is nobody’s outcome', () => {
	it('stops the run when the instructor’s own credentials fail, recording no account for it', async () => {
		const recorded: AccountDone[] = [];
		let started = 0;
		const gradeAccount: GradeAccount = async (target) => {
			started += 1;
			await sleep(5);
			if (target.learnerId === 'learner-2')
				throw new InstructorSideError('credentials', 'your own AWS credentials failed: expired', undefined);
			return grade(target.accountId);
		};
		const summary = await runCohort({
			targets: targets(20),
			gradeAccount,
			concurrency: 1,
			timeoutMs: 1000,
			onAccountDone: (done) => {
				recorded.push(done);
			},
		});
		expect(summary.stoppedBy?.message).toBe('your own AWS credentials failed: expired');
		expect(recorded.map((done) => done.target.learnerId)).toEqual(['learner-0', 'learner-1']);
		// Nothing after the failure was started; every account not recorded is left to --resume.
		expect(started).toBe(3);
		expect(summary.notGraded).toHaveLength(18);
		expect(summary.leftForResume).toEqual([]);
	});

	it('leaves an account whose role could not be reached (network, throttling) for --resume and goes on', async () => {
		const recorded: string[] = [];
		const gradeAccount: GradeAccount = async (target) => {
			if (target.learnerId === 'learner-1')
				throw new InstructorSideError('network', 'cannot assume …: read ECONNRESET', undefined);
			if (target.learnerId === 'learner-3')
				throw new InstructorSideError('throttled', 'cannot assume …: throttled', undefined);
			return grade(target.accountId);
		};
		const summary = await runCohort({
			targets: targets(5),
			gradeAccount,
			concurrency: 2,
			timeoutMs: 1000,
			onAccountDone: (done) => {
				recorded.push(done.target.learnerId);
			},
		});
		expect(recorded.toSorted()).toEqual(['learner-0', 'learner-2', 'learner-4']);
		expect(summary.leftForResume.map((left) => [left.target.learnerId, left.error.kind]).toSorted()).toEqual([
			['learner-1', 'network'],
			['learner-3', 'throttled'],
		]);
		expect(summary.stoppedBy).toBeUndefined();
		expect(summary.notGraded).toEqual([]);
	});
});
