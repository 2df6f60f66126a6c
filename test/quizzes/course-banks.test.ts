import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readQuizBankFiles } from '../../src/utils/quiz-bank-files.ts';
import { loadQuizBanks } from '../../src/utils/quiz-bank-loader.ts';
import { courseDays } from '../../src/utils/quiz-course-days.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const files = await readQuizBankFiles(`${projectRoot}quizzes`, projectRoot);
const result = loadQuizBanks(files);

describe('the course quiz banks in quizzes/', () => {
	it('all pass the schema', () => {
		expect(result.ok ? [] : result.problems).toEqual([]);
	});

	const banks = result.ok ? result.banks : [];

	it('cover every module of the course, in order', () => {
		const allModules = courseDays.flatMap((day) => [...day.modules]);
		expect(banks.map((bank) => bank.module)).toEqual(allModules);
	});

	it('hold at least 65 questions, at least 5 per module', () => {
		const total = banks.reduce((sum, bank) => sum + bank.questions.length, 0);
		expect(total).toBeGreaterThanOrEqual(65);
		for (const bank of banks) expect(bank.questions.length, `module ${bank.module}`).toBeGreaterThanOrEqual(5);
	});

	it("keep the participant guide's own quiz topics, each in the end-of-day review", () => {
		const review = new Set(
			banks.flatMap((bank) => bank.questions.filter((question) => question.review).map((question) => question.id)),
		);
		for (const id of [
			'm01-error-budget-practice', // reliability through measurable targets and acceptable failure
			'm04-slo-vs-sla',
			'm05-which-is-toil',
			'm05-automate-remediation', // Lambda / SSM Automation
			'm10-first-step', // engage on-call, follow the playbook
			'm10-blameless',
		]) {
			expect(review.has(id), id).toBe(true);
		}
	});

	it('mix single and multiple choice questions', () => {
		const kinds = new Set(banks.flatMap((bank) => bank.questions.map((question) => question.kind)));
		expect(kinds).toEqual(new Set(['single', 'multiple']));
	});

	it('name their ids after their module (mNN-…), so an id says where to find it', () => {
		for (const bank of banks) {
			const prefix = `m${String(bank.module).padStart(2, '0')}-`;
			for (const question of bank.questions) expect(question.id.startsWith(prefix), question.id).toBe(true);
		}
	});

	it('spread the correct single-choice answers over the positions, so "always B" is no strategy', () => {
		const positions = banks.flatMap((bank) =>
			bank.questions
				.filter((question) => question.kind === 'single')
				.map((question) => question.options.findIndex((option) => option.correct)),
		);
		const counts = [0, 1, 2, 3].map((position) => positions.filter((found) => found === position).length);
		for (const count of counts) expect(count / positions.length).toBeLessThan(0.4);
	});

	it('spread the correct multiple-choice options over the positions, so "always tick A" is no strategy', () => {
		const multiples = banks.flatMap((bank) => bank.questions.filter((question) => question.kind === 'multiple'));
		expect(multiples.length).toBeGreaterThan(0);
		const longest = Math.max(...multiples.map((question) => question.options.length));
		const counts = [...Array(longest).keys()].map(
			(position) => multiples.filter((question) => question.options[position]?.correct === true).length,
		);
		// About two thirds of all multiple-choice options are correct, so every position is correct often;
		// but one that is correct nearly every time (as A was in 17 of 19) lets a learner score unread.
		expect((counts[0] ?? 0) / multiples.length, `first option correct: ${counts.join(', ')}`).toBeLessThanOrEqual(
			2 / 3,
		);
		for (const [position, count] of counts.entries()) {
			expect(count / multiples.length, `position ${'ABCDEF'[position]}: ${counts.join(', ')}`).toBeLessThanOrEqual(0.7);
		}
	});

	it('vary the number of wrong options in multiple-choice questions, so "all but the odd one out" is no strategy', () => {
		const multiples = banks.flatMap((bank) => bank.questions.filter((question) => question.kind === 'multiple'));
		const oneWrong = multiples.filter((question) => question.options.filter((option) => !option.correct).length === 1);
		expect(oneWrong.length / multiples.length).toBeLessThan(0.5);
	});

	it('do not give the answer away by length: the correct single-choice option is rarely the longest', () => {
		const singles = banks.flatMap((bank) => bank.questions.filter((question) => question.kind === 'single'));
		const longestIsCorrect = singles.filter((question) => {
			const correct = question.options.find((option) => option.correct);
			if (correct === undefined) return false;
			return question.options.every((option) => option === correct || option.text.length < correct.text.length);
		});
		// With four options, chance alone makes the correct one the longest about a quarter of the time.
		expect(longestIsCorrect.length / singles.length, longestIsCorrect.map((q) => q.id).join(', ')).toBeLessThan(1 / 3);
	});
});
