import { getCollection } from 'astro:content';
import type { QuizBank } from '../../schemas/quiz-bank.ts';

/**
 * Every quiz bank, in module order. The `quizzes` collection's loader has already validated them
 * (src/utils/quiz-bank-collection.ts), so the data can be trusted here.
 */
export async function getQuizBanks(): Promise<QuizBank[]> {
	const entries = await getCollection('quizzes');
	return entries.map((entry) => entry.data as QuizBank).sort((a, b) => a.module - b.module);
}

export async function getQuizBank(module: number): Promise<QuizBank | undefined> {
	return (await getQuizBanks()).find((bank) => bank.module === module);
}
