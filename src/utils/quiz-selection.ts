import type { QuizBank, QuizQuestion } from '../schemas/quiz-bank.ts';
import { courseDays } from './quiz-course-days.ts';

export interface DayQuizSection {
	module: number;
	title: string;
	questions: QuizQuestion[];
}

/**
 * The end-of-day quiz: the questions each of the day's module banks marks `review: true`, in bank
 * order. Deterministic on purpose (no shuffling at build time): every learner sees the same quiz, and a
 * stored answer always refers to the question it was given for.
 */
export function selectDayQuiz(banks: readonly QuizBank[], day: number): DayQuizSection[] {
	const modules = courseDays.find((entry) => entry.day === day)?.modules ?? [];
	return modules.flatMap((module) => {
		const bank = banks.find((candidate) => candidate.module === module);
		if (!bank) return [];
		return [{ module, title: bank.title, questions: bank.questions.filter((question) => question.review) }];
	});
}
