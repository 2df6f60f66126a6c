import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { QuizBankSchema } from '../schemas/quiz-bank.ts';
import { readQuizBankFiles } from './quiz-bank-files.ts';
import { loadQuizBanksOrThrow } from './quiz-bank-loader.ts';
import { moduleQuizId } from './quiz-course-days.ts';

/**
 * Content-layer loader for the `quizzes` collection: one entry per module bank, id `module-04`.
 * It validates all banks together with {@link loadQuizBanksOrThrow} before storing anything, so one
 * malformed bank stops `astro build` with a message naming the file, question id and field, instead of
 * Astro's generic per-entry error.
 */
export function quizBankLoader(options: { directory?: string } = {}): Loader {
	return {
		name: 'sre-quiz-banks',
		schema: QuizBankSchema,
		load: async ({ store, config, logger, generateDigest, watcher }) => {
			const projectRoot = fileURLToPath(config.root);
			const directory = options.directory ?? fileURLToPath(new URL('./quizzes/', config.root));
			const sync = async (): Promise<void> => {
				const banks = loadQuizBanksOrThrow(await readQuizBankFiles(directory, projectRoot));
				store.clear();
				for (const bank of banks) {
					store.set({ id: moduleQuizId(bank.module), data: bank, digest: generateDigest(bank) });
				}
				const questionCount = banks.reduce((sum, bank) => sum + bank.questions.length, 0);
				logger.info(`${banks.length} quiz banks, ${questionCount} questions`);
			};
			await sync();
			// In `astro dev`, re-validate on every save so an author sees the precise message at once.
			watcher?.add(directory);
			watcher?.on('change', (path) => {
				if (path.startsWith(directory)) sync().catch((error: unknown) => logger.error(String(error)));
			});
		},
	};
}
