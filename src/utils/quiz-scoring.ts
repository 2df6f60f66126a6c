/**
 * Quiz scoring, shared by the browser quiz and the tests. One point per question, awarded only when
 * the learner's choice matches the correct set exactly: for a multiple-choice question that means every
 * correct option and no wrong one, so ticking every box never earns the point.
 */

/** Question id → the keys of the options the learner chose (`['a', 'c']`). */
export type QuizAnswers = Record<string, readonly string[]>;

export interface ScorableQuestion {
	id: string;
	/** Keys of the options that are correct. */
	correctKeys: readonly string[];
}

export interface QuizScore {
	score: number;
	maxScore: number;
	/** Question id → whether that question earned its point. */
	correct: Record<string, boolean>;
}

const OPTION_KEYS = 'abcdefghijklmnopqrstuvwxyz';

/** Options are keyed by their position in the bank: the first is `a`. Also the letter shown to learners. */
export function optionKey(index: number): string {
	const key = OPTION_KEYS[index];
	if (key === undefined) throw new RangeError(`No option key for position ${index}`);
	return key;
}

export function isAnswerCorrect(correctKeys: readonly string[], chosenKeys: readonly string[] | undefined): boolean {
	if (!chosenKeys || chosenKeys.length === 0) return false;
	const chosen = new Set(chosenKeys);
	const expected = new Set(correctKeys);
	return chosen.size === expected.size && [...expected].every((key) => chosen.has(key));
}

export function scoreQuiz(questions: readonly ScorableQuestion[], answers: QuizAnswers): QuizScore {
	const correct: Record<string, boolean> = {};
	for (const question of questions) {
		correct[question.id] = isAnswerCorrect(question.correctKeys, answers[question.id]);
	}
	return {
		score: Object.values(correct).filter(Boolean).length,
		maxScore: questions.length,
		correct,
	};
}

/** Ids of the questions with no option chosen, in quiz order. */
export function unansweredQuestionIds(questions: readonly ScorableQuestion[], answers: QuizAnswers): string[] {
	return questions.filter((question) => (answers[question.id]?.length ?? 0) === 0).map((question) => question.id);
}
