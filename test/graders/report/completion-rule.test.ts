import { describe, expect, it } from 'vitest';
import {
	CompletionRuleSchema,
	defaultCompletionRule,
	describeCompletionRule,
	evaluateCompletion,
	parseIdSelection,
} from '../../../graders/report/completion-rule.ts';

const columns = { labs: ['lab1', 'lab2'], quizzes: ['day-1', 'day-2'] };

describe('evaluateCompletion', () => {
	it('completes with every lab passed and a quiz average at the threshold', () => {
		expect(
			evaluateCompletion(
				{ passedLabs: new Set(['lab1', 'lab2']), quizPercents: { 'day-1': 60, 'day-2': 80 } },
				defaultCompletionRule,
				columns,
			),
		).toEqual({ complete: true, missing: [], quizAveragePercent: 70 });
	});

	it('lists what is missing, counting an untaken quiz as 0 %', () => {
		expect(
			evaluateCompletion(
				{ passedLabs: new Set(['lab1']), quizPercents: { 'day-1': 100 } },
				defaultCompletionRule,
				columns,
			),
		).toEqual({
			complete: false,
			missing: ['lab2 not passed', 'quiz average 50 % < 70 % (not taken: day-2)'],
			quizAveragePercent: 50,
		});
	});

	it('honours a rule naming the labs and quizzes that count', () => {
		const rule = CompletionRuleSchema.parse({ labs: ['lab1'], quizzes: ['day-1'], minQuizAveragePercent: 80 });
		expect(
			evaluateCompletion({ passedLabs: new Set(['lab1']), quizPercents: { 'day-1': 85 } }, rule, columns).complete,
		).toBe(true);
	});

	it('needs no quiz when none counts', () => {
		const rule = CompletionRuleSchema.parse({ quizzes: [] });
		expect(evaluateCompletion({ passedLabs: new Set(['lab1', 'lab2']), quizPercents: {} }, rule, columns)).toEqual({
			complete: true,
			missing: [],
			quizAveragePercent: null,
		});
	});
});

describe('describeCompletionRule', () => {
	it('says the rule in words', () => {
		expect(describeCompletionRule(defaultCompletionRule)).toBe('every lab passed and quiz average ≥ 70 %');
		expect(describeCompletionRule(CompletionRuleSchema.parse({ labs: ['lab1', 'lab3'], quizzes: [] }))).toBe(
			'lab1, lab3 passed',
		);
	});
});

describe('parseIdSelection', () => {
	it('reads all, none and lists', () => {
		expect(parseIdSelection('all')).toBe('all');
		expect(parseIdSelection('none')).toEqual([]);
		expect(parseIdSelection(' lab1, lab2 ,')).toEqual(['lab1', 'lab2']);
	});
});
