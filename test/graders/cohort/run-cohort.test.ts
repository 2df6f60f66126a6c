import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { AssumeRoleFailed } from '../../../graders/cohort/account-errors.ts';
import type { AccountDone, GradeAccount } from '../../../graders/cohort/account-outcome.ts';
import { runCohort } from '../../../graders/cohort/run-cohort.ts';
import { fakeLabResult, fakeSnapshot, fakeRosterEntries as targets } from '../support/cohort-fixtures.ts';

const passing: GradeAccount = async (target) => {
	await sleep(5);
	return { snapshot: fakeSnapshot(target.accountId), results: [fakeLabResult('lab1', target.accountId, ['pass'])] };
};

function sdkError(name: string, message: string): Error {
	return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400, attempts: 8 } });
}

describe('runCohort', () => {
	it('grades every account once, never more than `concurrency` at a time', async () => {
		let inFlight = 0;
		let peak = 0;
		const graded: string[] = [];
		const gradeAccount: GradeAccount = async (target, signal) => {
			inFlight += 1;
			peak = Math.max(peak, inFlight);
			await sleep(5);
			inFlight -= 1;
			expect(signal.aborted).toBe(false);
			return passing(target, signal);
		};
		const summary = await runCohort({
			targets: targets(25),
			gradeAccount,
			concurrency: 4,
			timeoutMs: 1000,
			onAccountDone: (done) => {
				graded.push(done.target.learnerId);
			},
		});
		expect(peak).toBe(4);
		expect(graded.toSorted()).toEqual(
			targets(25)
				.map((target) => target.learnerId)
				.toSorted(),
		);
		expect(summary.completed).toHaveLength(25);
		expect(summary.notGraded).toEqual([]);
	});

	it('records AccessDenied, throttling, a refused role and a timeout as errors of those accounts only', async () => {
		const cohort = targets(7);
		const gradeAccount: GradeAccount = async (target, signal) => {
			switch (target.learnerId) {
				case 'learner-1':
					throw sdkError('AccessDeniedException', 'User: x is not authorized to perform: logs:DescribeLogGroups');
				case 'learner-2':
					throw sdkError('ThrottlingException', 'Rate exceeded');
				case 'learner-3':
					throw new AssumeRoleFailed(
						target.roleArn,
						sdkError('AccessDenied', 'not authorized to perform: sts:AssumeRole'),
					);
				case 'learner-6':
					throw new Error('the grader role answered from account 999999999999');
				case 'learner-4':
					// Ignores the signal on purpose: the run must move on anyway.
					await sleep(500);
					return passing(target, signal);
				default:
					return passing(target, signal);
			}
		};
		const done: AccountDone[] = [];
		const summary = await runCohort({
			targets: cohort,
			gradeAccount,
			concurrency: 7,
			timeoutMs: 50,
			onAccountDone: (account) => {
				done.push(account);
			},
		});
		const byLearner = Object.fromEntries(done.map((account) => [account.target.learnerId, account.outcome]));
		expect(byLearner['learner-0']?.status).toBe('graded');
		expect(byLearner['learner-5']?.status).toBe('graded');
		expect(byLearner['learner-1']).toEqual({
			status: 'error',
			error: { kind: 'access-denied', message: expect.stringContaining('logs:DescribeLogGroups') },
		});
		expect(byLearner['learner-2']).toEqual({
			status: 'error',
			error: { kind: 'throttled', message: expect.stringContaining('after 8 attempts') },
		});
		expect(byLearner['learner-3']).toEqual({
			status: 'error',
			error: {
				kind: 'assume-role',
				message: expect.stringContaining('cannot assume arn:aws:iam::100000000003:role/SreLabGrader'),
			},
		});
		expect(byLearner['learner-4']).toEqual({
			status: 'error',
			error: { kind: 'timeout', message: 'grading did not finish within 50 ms' },
		});
		expect(byLearner['learner-6']).toEqual({
			status: 'error',
			error: { kind: 'other', message: 'the grader role answered from account 999999999999' },
		});
		expect(summary.completed).toHaveLength(7);
	});

	it('tells a grader that honours the signal to stop at the time limit', async () => {
		let sawAbort = false;
		const gradeAccount: GradeAccount = (_target, signal) =>
			new Promise((_resolve, reject) => {
				signal.addEventListener('abort', () => {
					sawAbort = true;
					reject(new DOMException('aborted', 'AbortError'));
				});
			});
		const summary = await runCohort({
			targets: targets(1),
			gradeAccount,
			concurrency: 1,
			timeoutMs: 20,
			onAccountDone: () => {},
		});
		expect(sawAbort).toBe(true);
		expect(summary.completed[0]?.outcome).toEqual({
			status: 'error',
			error: { kind: 'timeout', message: 'grading did not finish within 20 ms' },
		});
	});

	it('frees the slot of an account that hangs for good, so the rest of the cohort is still graded', async () => {
		const done: AccountDone[] = [];
		// Never settles and ignores the signal: the worst a stuck SDK call can do.
		const gradeAccount: GradeAccount = (target, signal) =>
			target.learnerId === 'learner-0' ? new Promise(() => {}) : passing(target, signal);
		const summary = await runCohort({
			targets: targets(4),
			gradeAccount,
			concurrency: 1,
			timeoutMs: 30,
			onAccountDone: (account) => {
				done.push(account);
			},
		});
		expect(done.map((account) => [account.target.learnerId, account.outcome.status])).toEqual([
			['learner-0', 'error'],
			['learner-1', 'graded'],
			['learner-2', 'graded'],
			['learner-3', 'graded'],
		]);
		expect(done[0]?.outcome).toEqual({
			status: 'error',
			error: { kind: 'timeout', message: 'grading did not finish within 30 ms' },
		});
		expect(summary.notGraded).toEqual([]);
	});

	it('stops starting accounts when the run is aborted and does not report the ones in flight', async () => {
		const stop = new AbortController();
		let finished = 0;
		const summary = await runCohort({
			targets: targets(10),
			gradeAccount: async (target, signal) => {
				await sleep(10);
				return passing(target, signal);
			},
			concurrency: 2,
			timeoutMs: 1000,
			signal: stop.signal,
			onAccountDone: () => {
				finished += 1;
				if (finished === 3) stop.abort();
			},
		});
		expect(summary.completed.length).toBeGreaterThanOrEqual(3);
		expect(summary.completed.length + summary.notGraded.length).toBe(10);
		const seen = [
			...summary.completed.map((done) => done.target.learnerId),
			...summary.notGraded.map((target) => target.learnerId),
		];
		expect(new Set(seen).size).toBe(10);
	});

	it('stops the run when the result cannot be stored', async () => {
		await expect(
			runCohort({
				targets: targets(5),
				gradeAccount: passing,
				concurrency: 1,
				timeoutMs: 1000,
				onAccountDone: () => {
					throw new Error('disk full');
				},
			}),
		).rejects.toThrow('disk full');
	});
});
