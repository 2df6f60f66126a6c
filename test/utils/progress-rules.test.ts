import { describe, expect, it } from 'vitest';
import { defaultCompletionRule } from '../../graders/report/completion-rule.ts';
import { QUIZ_PASS_PERCENT } from '../../src/utils/progress-rules.ts';

describe('the quiz pass mark shown by every quiz', () => {
	it("is the gradebook's default completion rule, so the quiz and the report agree", () => {
		expect(QUIZ_PASS_PERCENT).toBe(defaultCompletionRule.minQuizAveragePercent);
	});
});
