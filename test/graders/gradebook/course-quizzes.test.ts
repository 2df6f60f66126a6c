import { describe, expect, it } from 'vitest';
import { courseQuizzesFromBanks, loadCourseQuizzes } from '../../../graders/gradebook/course-quizzes.ts';
import { buildCompletionMatrix } from '../../../graders/report/completion-matrix.ts';
import { defaultCompletionRule } from '../../../graders/report/completion-rule.ts';
import { courseDays } from '../../../src/utils/quiz-course-days.ts';

describe('the course’s quizzes, from the quiz banks without the site build', () => {
	it('is a pop quiz per module bank and an end-of-day quiz per day, with their question counts', () => {
		const quizzes = loadCourseQuizzes();
		const modules = courseDays.flatMap((day) => day.modules);
		expect(quizzes.map((quiz) => quiz.id).toSorted()).toEqual(
			[...modules.map((module) => `module-${String(module).padStart(2, '0')}`), 'day-1', 'day-2', 'day-3'].toSorted(),
		);
		// Two review questions per bank make up each day's quiz (quizzes/README.md).
		for (const day of courseDays)
			expect(quizzes.find((quiz) => quiz.id === `day-${day.day}`)?.questions).toBe(2 * day.modules.length);
		expect(quizzes.every((quiz) => quiz.questions >= 5 || quiz.id.startsWith('day-'))).toBe(true);
	});

	it('leaves out a module that has no bank', () => {
		const bank = {
			module: 1,
			title: 'One',
			questions: [{ review: true }, { review: true }, { review: false }],
		} as never;
		expect(courseQuizzesFromBanks([bank])).toEqual([
			{ id: 'module-01', questions: 3 },
			{ id: 'day-1', questions: 2 },
		]);
	});
});

describe('report columns', () => {
	it('leave out quiz ids the course does not define, even when the gradebook holds results for them', () => {
		const learner = (id: string, quizzes: Record<string, number>) => ({
			cohort: 'c',
			learnerId: id,
			name: id,
			email: `${id}@example.org`,
			accountId: '111111111111',
			labs: {},
			quizzes: Object.fromEntries(
				Object.entries(quizzes).map(([quiz, score]) => [
					quiz,
					{ score, maxScore: 10, completedAt: '2026-11-22T10:00:00.000Z' },
				]),
			),
		});
		const data = {
			learners: [learner('ana', { 'day-1': 9 }), learner('ben', { 'day-1': 9, 'zz-bonus-1': 0 })],
			labTitles: {},
			checkStruggles: [],
		};
		const matrix = buildCompletionMatrix(data as never, {
			rule: { ...defaultCompletionRule, labs: [] },
			cohort: null,
			generatedAt: '2026-11-26T00:00:00.000Z',
			courseQuizzes: loadCourseQuizzes().map((quiz) => quiz.id),
		});
		expect(matrix.quizzes).toEqual(['day-1']);
		expect(matrix.rows.map((row) => [row.learnerId, row.quizAveragePercent, row.complete])).toEqual([
			['ana', 90, true],
			['ben', 90, true],
		]);
	});
});

describe('the published package', () => {
	it('ships the quiz banks, since import-progress and report read them at run time', async () => {
		const { default: manifest } = await import('../../../package.json', { with: { type: 'json' } });
		expect(manifest.files).toContain('quizzes/*.yaml');
	});
});
