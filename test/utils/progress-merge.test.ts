import { describe, expect, it } from 'vitest';
import type { StoredProgress } from '../../src/schemas/progress.ts';
import { mergeProgress } from '../../src/utils/progress-merge.ts';
import { emptyProgress } from '../../src/utils/progress-validate.ts';

const quiz = (completedAt: string, score: number, attempts: number) => ({
	answers: { q: ['a'] },
	score,
	maxScore: 4,
	completedAt,
	attempts,
});
const grader = (gradedAt: string, score: number) => ({
	score,
	maxScore: 100,
	outcome: score === 100 ? ('pass' as const) : ('fail' as const),
	gradedAt,
});

const browser: StoredProgress = {
	...emptyProgress(),
	learner: { id: 'ada' },
	pages: { 'day-1/what-is-sre': { readAt: '2026-11-22T09:00:00.000Z' } },
	quizzes: { 'module-01': quiz('2026-11-23T10:00:00.000Z', 4, 3), 'module-02': quiz('2026-11-20T10:00:00.000Z', 1, 1) },
	labs: { lab1: { grader: grader('2026-11-23T12:00:00.000Z', 100) }, lab2: { doneAt: '2026-11-23T12:00:00.000Z' } },
};

const olderFile: StoredProgress = {
	...emptyProgress(),
	learner: { id: 'someone-else', name: 'Ada Lovelace' },
	pages: {
		'day-1/what-is-sre': { readAt: '2026-11-21T09:00:00.000Z' },
		'day-2/alerting': { readAt: '2026-11-21T09:00:00.000Z' },
	},
	quizzes: { 'module-01': quiz('2026-11-21T10:00:00.000Z', 1, 1), 'module-02': quiz('2026-11-22T10:00:00.000Z', 3, 2) },
	labs: {
		lab1: { doneAt: '2026-11-21T12:00:00.000Z', grader: grader('2026-11-21T12:00:00.000Z', 40) },
		lab2: { grader: grader('2026-11-22T12:00:00.000Z', 70) },
	},
};

describe('mergeProgress (import)', () => {
	const { progress, counts } = mergeProgress(browser, olderFile);

	it("never replaces newer work in the browser with an older file's", () => {
		expect(progress.quizzes['module-01']).toEqual(quiz('2026-11-23T10:00:00.000Z', 4, 3));
		expect(progress.labs.lab1?.grader).toEqual(grader('2026-11-23T12:00:00.000Z', 100));
	});

	it("takes the file's entries that are newer, and the ones the browser lacks", () => {
		// The file's later submission wins; attempts are the larger count, not a sum of overlapping ones.
		expect(progress.quizzes['module-02']).toEqual(quiz('2026-11-22T10:00:00.000Z', 3, 2));
		expect(progress.pages['day-2/alerting']).toEqual({ readAt: '2026-11-21T09:00:00.000Z' });
		expect(progress.labs.lab2).toEqual({
			doneAt: '2026-11-23T12:00:00.000Z',
			grader: grader('2026-11-22T12:00:00.000Z', 70),
		});
	});

	it('keeps the first read and the first hand-set lab mark', () => {
		expect(progress.pages['day-1/what-is-sre']).toEqual({ readAt: '2026-11-21T09:00:00.000Z' });
		expect(progress.labs.lab1?.doneAt).toBe('2026-11-21T12:00:00.000Z');
	});

	it('keeps the learner details typed in this browser and fills gaps from the file', () => {
		expect(progress.learner).toEqual({ id: 'ada', name: 'Ada Lovelace' });
	});

	it('counts what was added, updated and kept, for the message', () => {
		// added: day-2/alerting; updated: the page read earlier, module-02, lab1 (first mark), lab2 (grader);
		// kept: module-01.
		expect(counts).toEqual({ added: 1, updated: 4, kept: 1 });
	});

	it('into an empty browser, is the file itself', () => {
		expect(mergeProgress(emptyProgress(), olderFile).progress).toEqual(olderFile);
	});
});
