import type { QuizBank, QuizQuestion } from '../schemas/quiz-bank.ts';
import { courseDays } from './quiz-course-days.ts';

/** How many questions each module contributes to its day's end-of-day quiz. */
export const DAY_QUIZ_QUESTIONS_PER_MODULE = 2;

export interface DayQuizSection {
	module: number;
	title: string;
	questions: QuizQuestion[];
}

/**
 * The end-of-day quiz: the last questions of each of the day's module banks. Deterministic on purpose
 * (no shuffling at build time): every learner sees the same quiz, a stored answer always refers to the
 * question it was given for, and authors control the review set by ordering the bank, placing the
 * questions that tie a module together at its end.
 */
export function selectDayQuiz(
	banks: readonly QuizBank[],
	day: number,
	perModule: number = DAY_QUIZ_QUESTIONS_PER_MODULE,
): DayQuizSection[] {
	const modules = courseDays.find((entry) => entry.day === day)?.modules ?? [];
	return modules.flatMap((module) => {
		const bank = banks.find((candidate) => candidate.module === module);
		if (!bank) return [];
		return [{ module, title: bank.title, questions: bank.questions.slice(-perModule) }];
	});
}
