import { describe, expect, it } from 'vitest';
import { isAnswerCorrect, optionKey, scoreQuiz, unansweredQuestionIds } from '../../src/utils/quiz-scoring.ts';

const single = { id: 'single', correctKeys: ['b'] };
const multiple = { id: 'multiple', correctKeys: ['a', 'c'] };

describe('isAnswerCorrect', () => {
	it('accepts the one correct option of a single-choice question', () => {
		expect(isAnswerCorrect(single.correctKeys, ['b'])).toBe(true);
		expect(isAnswerCorrect(single.correctKeys, ['a'])).toBe(false);
	});

	it('needs every correct option of a multiple-choice question', () => {
		expect(isAnswerCorrect(multiple.correctKeys, ['a', 'c'])).toBe(true);
		expect(isAnswerCorrect(multiple.correctKeys, ['c', 'a'])).toBe(true);
		expect(isAnswerCorrect(multiple.correctKeys, ['a'])).toBe(false);
	});

	it('refuses a correct set padded with a wrong option, so ticking everything never scores', () => {
		expect(isAnswerCorrect(multiple.correctKeys, ['a', 'b', 'c'])).toBe(false);
		expect(isAnswerCorrect(multiple.correctKeys, ['a', 'b', 'c', 'd'])).toBe(false);
	});

	it('treats no answer as wrong and ignores a repeated key', () => {
		expect(isAnswerCorrect(single.correctKeys, [])).toBe(false);
		expect(isAnswerCorrect(single.correctKeys, undefined)).toBe(false);
		expect(isAnswerCorrect(multiple.correctKeys, ['a', 'a', 'c'])).toBe(true);
	});
});

describe('scoreQuiz', () => {
	it('gives one point per fully correct question', () => {
		expect(scoreQuiz([single, multiple], { single: ['b'], multiple: ['a'] })).toEqual({
			score: 1,
			maxScore: 2,
			correct: { single: true, multiple: false },
		});
	});

	it('scores an empty quiz as 0 of 0', () => {
		expect(scoreQuiz([], {})).toEqual({ score: 0, maxScore: 0, correct: {} });
	});
});

describe('unansweredQuestionIds', () => {
	it('lists questions without a choice, in quiz order', () => {
		expect(unansweredQuestionIds([single, multiple], { multiple: [] })).toEqual(['single', 'multiple']);
		expect(unansweredQuestionIds([single, multiple], { single: ['a'] })).toEqual(['multiple']);
	});
});

describe('optionKey', () => {
	it('letters options from a', () => {
		expect([0, 1, 5].map(optionKey)).toEqual(['a', 'b', 'f']);
		expect(() => optionKey(26)).toThrow(RangeError);
	});
});
