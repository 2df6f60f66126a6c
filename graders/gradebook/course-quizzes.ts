import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { QuizBank } from '../../src/schemas/quiz-bank.ts';
import { loadQuizBanks } from '../../src/utils/quiz-bank-loader.ts';
import { courseDays, dayQuizId, moduleQuizId } from '../../src/utils/quiz-course-days.ts';
import { selectDayQuiz } from '../../src/utils/quiz-selection.ts';

/**
 * The quizzes the course defines, and how many questions each has: the source of truth an imported
 * progress file is checked against, derived exactly as the site derives them (a pop quiz per module
 * bank, `module-04`, with all its questions; an end-of-day quiz per course day, `day-2`, with the
 * review questions of that day's banks), but from the banks themselves, without the site build.
 */
export interface CourseQuiz {
	id: string;
	questions: number;
}

/** Pure: the course's quizzes in course order (each day's modules, then that day's quiz). */
export function courseQuizzesFromBanks(banks: readonly QuizBank[]): CourseQuiz[] {
	return courseDays.flatMap(({ day, modules }) => {
		const moduleQuizzes = modules.flatMap((module) => {
			const bank = banks.find((candidate) => candidate.module === module);
			return bank ? [{ id: moduleQuizId(module), questions: bank.questions.length }] : [];
		});
		const dayQuestions = selectDayQuiz(banks, day).reduce((sum, section) => sum + section.questions.length, 0);
		return dayQuestions > 0 ? [...moduleQuizzes, { id: dayQuizId(day), questions: dayQuestions }] : moduleQuizzes;
	});
}

export const quizBankDirectory = new URL('../../quizzes/', import.meta.url);

let cached: readonly CourseQuiz[] | undefined;

/**
 * Reads and validates `quizzes/*.yaml` with the site's own loader and schema. Synchronous and
 * memoised: the banks are a few kilobytes and do not change while a command runs.
 */
export function loadCourseQuizzes(directory: URL = quizBankDirectory): readonly CourseQuiz[] {
	if (directory === quizBankDirectory && cached) return cached;
	const path = fileURLToPath(directory);
	let names: string[];
	try {
		names = readdirSync(path).filter((name) => /\.ya?ml$/.test(name));
	} catch (error) {
		throw new Error(
			`cannot read the course's quiz banks in ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); they define which quizzes a progress file may hold`,
		);
	}
	const loaded = loadQuizBanks(
		names.sort().map((name) => ({ path: `quizzes/${name}`, source: readFileSync(new URL(name, directory), 'utf8') })),
	);
	if (!loaded.ok) throw new Error(`the course's quiz banks are invalid: ${loaded.problems.join('; ')}`);
	const quizzes = courseQuizzesFromBanks(loaded.banks);
	if (directory === quizBankDirectory) cached = quizzes;
	return quizzes;
}
