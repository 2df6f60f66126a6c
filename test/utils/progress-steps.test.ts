import { describe, expect, it } from 'vitest';
import { type CourseStep, dayCompletion, isLabDone } from '../../src/utils/progress-steps.ts';
import { emptyProgress } from '../../src/utils/progress-validate.ts';

const steps: CourseStep[] = [
	{ day: 1, kind: 'read', id: 'day-1/what-is-sre', label: 'Read 1. What SRE is', href: '/day-1/what-is-sre/' },
	{ day: 1, kind: 'quiz', id: 'module-01', label: 'Take the quiz of What SRE is', href: '/day-1/what-is-sre/#q' },
	{ day: 1, kind: 'lab', id: 'lab1', label: 'Do Lab 1', href: '/labs/lab1/' },
	{ day: 2, kind: 'quiz', id: 'day-2', label: 'Take the Day 2 end-of-day quiz', href: '/quizzes/day-2/' },
];
const at = '2026-11-22T10:00:00.000Z';
const graded = (outcome: 'pass' | 'fail' | 'error') => ({ score: 1, maxScore: 1, outcome, gradedAt: at });

describe('course steps on My progress', () => {
	it('starts with nothing done on any day', () => {
		expect(dayCompletion(steps, emptyProgress())).toEqual([
			{ day: 1, done: 0, total: 3 },
			{ day: 2, done: 0, total: 1 },
		]);
	});

	it("counts each day's steps done, whichever order they were done in", () => {
		const progress = {
			...emptyProgress(),
			pages: { 'day-1/what-is-sre': { readAt: at } },
			quizzes: {
				'day-2': { answers: { q: ['a'] }, score: 1, maxScore: 1, completedAt: at, attempts: 1 },
			},
		};
		expect(dayCompletion(steps, progress)).toEqual([
			{ day: 1, done: 1, total: 3 },
			{ day: 2, done: 1, total: 1 },
		]);
	});

	it('counts a lab as done when marked by hand or passed by the grader, not when the grader failed it', () => {
		expect(isLabDone({ ...emptyProgress(), labs: { lab1: { doneAt: at } } }, 'lab1')).toBe(true);
		expect(isLabDone({ ...emptyProgress(), labs: { lab1: { grader: graded('pass') } } }, 'lab1')).toBe(true);
		expect(isLabDone({ ...emptyProgress(), labs: { lab1: { grader: graded('fail') } } }, 'lab1')).toBe(false);
		expect(isLabDone({ ...emptyProgress(), labs: { lab1: { grader: graded('error') } } }, 'lab1')).toBe(false);
	});

	it('counts every step once everything is done', () => {
		const quiz = { answers: { q: ['a'] }, score: 1, maxScore: 1, completedAt: at, attempts: 1 };
		const progress = {
			...emptyProgress(),
			pages: { 'day-1/what-is-sre': { readAt: at } },
			quizzes: { 'module-01': quiz, 'day-2': quiz },
			labs: { lab1: { grader: graded('pass') } },
		};
		expect(dayCompletion(steps, progress)).toEqual([
			{ day: 1, done: 3, total: 3 },
			{ day: 2, done: 1, total: 1 },
		]);
	});
});
