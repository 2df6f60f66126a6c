import { describe, expect, it } from 'vitest';
import { completedPageIds, pageIdFromPathname } from '../../src/utils/progress-summary.ts';
import { emptyProgress } from '../../src/utils/progress-validate.ts';

describe('completedPageIds', () => {
	it('counts read pages, submitted end-of-day quizzes and labs marked done', () => {
		const progress = {
			...emptyProgress(),
			pages: { 'day-1/what-is-sre': { readAt: '2026-11-22T09:00:00Z' } },
			quizzes: {
				'module-04': { answers: { q: ['a'] }, score: 1, maxScore: 1, completedAt: '2026-11-22T09:00:00Z', attempts: 1 },
				'day-2': { answers: { q: ['a'] }, score: 0, maxScore: 1, completedAt: '2026-11-22T09:00:00Z', attempts: 1 },
			},
			labs: {
				lab1: { doneAt: '2026-11-22T09:00:00Z' },
				lab2: { grader: { score: 80, maxScore: 80, outcome: 'pass' as const, gradedAt: '2026-11-22T09:00:00Z' } },
				lab3: { grader: { score: 10, maxScore: 80, outcome: 'fail' as const, gradedAt: '2026-11-22T09:00:00Z' } },
			},
		};
		// A module quiz alone does not complete its page: the learner marks the page read. A lab the grader
		// passed is done without the learner's own mark; one the grader failed is not.
		expect([...completedPageIds(progress)].sort()).toEqual([
			'day-1/what-is-sre',
			'labs/lab1',
			'labs/lab2',
			'quizzes/day-2',
		]);
	});
});

describe('pageIdFromPathname', () => {
	it('strips the base path and slashes', () => {
		expect(pageIdFromPathname('/day-1/what-is-sre/', '/')).toBe('day-1/what-is-sre');
		expect(pageIdFromPathname('/sre-course/day-1/what-is-sre/', '/sre-course/')).toBe('day-1/what-is-sre');
		expect(pageIdFromPathname('/sre-course/quizzes/day-1/', '/sre-course')).toBe('quizzes/day-1');
	});

	it('maps the home page to index and ignores index.html', () => {
		expect(pageIdFromPathname('/', '/')).toBe('index');
		expect(pageIdFromPathname('/sre-course/', '/sre-course/')).toBe('index');
		expect(pageIdFromPathname('/labs/lab1/index.html', '/')).toBe('labs/lab1');
	});
});
