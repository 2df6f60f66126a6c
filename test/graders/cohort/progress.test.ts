import { describe, expect, it } from 'vitest';
import type { AccountDone } from '../../../graders/cohort/account-outcome.ts';
import { createCohortProgress, describeAccountDone } from '../../../graders/cohort/progress.ts';
import { fakeLabResult, fakeRosterEntries, fakeSnapshot } from '../support/cohort-fixtures.ts';

const [ana, ben] = fakeRosterEntries(2) as [AccountDone['target'], AccountDone['target']];
const graded: AccountDone = {
	target: ana,
	outcome: {
		status: 'graded',
		snapshot: fakeSnapshot(ana.accountId),
		results: [
			fakeLabResult('lab1', ana.accountId, ['pass', 'pass']),
			fakeLabResult('lab2', ana.accountId, ['pass', 'fail']),
		],
	},
	startedAt: '2026-03-02T10:00:00.000Z',
	finishedAt: '2026-03-02T10:00:02.000Z',
	durationMs: 2345,
};
const failed: AccountDone = {
	target: ben,
	outcome: { status: 'error', error: { kind: 'timeout', message: 'grading did not finish within 300 s' } },
	startedAt: '2026-03-02T10:00:00.000Z',
	finishedAt: '2026-03-02T10:05:00.000Z',
	durationMs: 300000,
};

function collect(isTTY: boolean) {
	const chunks: string[] = [];
	return { chunks, stream: { isTTY, columns: 100, write: (text: string) => chunks.push(text) } };
}

describe('cohort progress', () => {
	it('describes each account on one line', () => {
		expect(describeAccountDone(graded)).toBe('learner-0 (100000000000) — lab1 pass 20/20, lab2 fail 10/20 [2.3 s]');
		expect(describeAccountDone(failed)).toBe(
			'learner-1 (100000000001) — error (timeout): grading did not finish within 300 s [300.0 s]',
		);
	});

	it('prints plain numbered lines when the output is not a terminal', () => {
		const { chunks, stream } = collect(false);
		const progress = createCohortProgress(stream);
		progress.start(12);
		progress.accountDone(graded);
		progress.accountDone(failed);
		progress.stop();
		expect(chunks.join('')).toBe(
			'Grading 12 accounts…\n' +
				'[ 1/12] learner-0 (100000000000) — lab1 pass 20/20, lab2 fail 10/20 [2.3 s]\n' +
				'[ 2/12] learner-1 (100000000001) — error (timeout): grading did not finish within 300 s [300.0 s]\n',
		);
	});

	it('draws a bar on a terminal and still prints errors', () => {
		const { chunks, stream } = collect(true);
		const progress = createCohortProgress(stream);
		progress.start(2);
		progress.accountDone(graded);
		progress.accountDone(failed);
		progress.stop();
		const output = chunks.join('');
		expect(output).toContain('2/2 accounts');
		expect(output).toContain('error (timeout)');
		expect(output).not.toContain('[ 1/2]');
	});
});
