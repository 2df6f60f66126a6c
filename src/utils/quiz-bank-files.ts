import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { QuizBankFile } from './quiz-bank-loader.ts';

/**
 * Reads every `*.yaml` / `*.yml` file in the quiz bank folder. Kept apart from the validator so that
 * the validator stays pure and the tests can feed it fixtures without touching the disk.
 *
 * Paths in the result are relative to `projectRoot`, so build errors read `quizzes/module-04.yaml`.
 */
export async function readQuizBankFiles(directory: string, projectRoot: string): Promise<QuizBankFile[]> {
	const names = (await readdir(directory)).filter((name) => /\.ya?ml$/.test(name)).sort();
	return Promise.all(
		names.map(async (name) => {
			const absolute = join(directory, name);
			return { path: relative(projectRoot, absolute).split('\\').join('/'), source: await readFile(absolute, 'utf8') };
		}),
	);
}
