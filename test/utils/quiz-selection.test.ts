import { describe, expect, it } from 'vitest';
import type { QuizBank, QuizQuestion } from '../../src/schemas/quiz-bank.ts';
import { dayOfModule, dayQuizId, moduleQuizId } from '../../src/utils/quiz-course-days.ts';
import { selectDayQuiz } from '../../src/utils/quiz-selection.ts';

function question(id: string, review = false): QuizQuestion {
	return {
		id,
		review,
		kind: 'single',
		prompt: id,
		options: [
			{ text: 'yes', correct: true, explanation: 'right' },
			{ text: 'no', correct: false, explanation: 'wrong' },
		],
	};
}

/** A bank of `count` questions whose review questions are at the given (1-based) positions. */
function bank(module: number, count: number, reviewPositions: readonly number[] = [2, 4]): QuizBank {
	return {
		module,
		title: `Module ${module}`,
		questions: Array.from({ length: count }, (_, index) =>
			question(`m${module}-q${index + 1}`, reviewPositions.includes(index + 1)),
		),
	};
}

describe('selectDayQuiz', () => {
	const banks = [bank(6, 5), bank(7, 6, [6, 1]), bank(8, 5), bank(9, 5), bank(1, 5)];

	it('takes the review questions of each of the day’s modules, modules and questions in course order', () => {
		const sections = selectDayQuiz(banks, 2);
		expect(sections.map((section) => section.module)).toEqual([6, 7, 8, 9]);
		expect(sections[0]?.questions.map((entry) => entry.id)).toEqual(['m6-q2', 'm6-q4']);
		expect(sections[1]?.questions.map((entry) => entry.id)).toEqual(['m7-q1', 'm7-q6']);
	});

	it('is deterministic', () => {
		expect(selectDayQuiz(banks, 2)).toEqual(selectDayQuiz(banks, 2));
	});

	it('skips modules without a bank and returns nothing for an unknown day', () => {
		expect(selectDayQuiz(banks, 1).map((section) => section.module)).toEqual([1]);
		expect(selectDayQuiz(banks, 4)).toEqual([]);
	});
});

describe('course days', () => {
	it('maps modules to days and builds stable quiz ids', () => {
		expect([1, 5, 6, 9, 10, 13, 14].map(dayOfModule)).toEqual([1, 1, 2, 2, 3, 3, undefined]);
		expect(moduleQuizId(4)).toBe('module-04');
		expect(dayQuizId(3)).toBe('day-3');
	});
});
