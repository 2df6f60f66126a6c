import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { defaultGradebookPath } from '../../gradebook/default-path.ts';
import { openGradebook } from '../../gradebook/open-gradebook.ts';
import { matchProgressLearner, parseProgressExport, quizScoresOf } from '../../gradebook/progress-import.ts';
import { recordQuizScores } from '../../gradebook/quiz-results.ts';
import { inTransaction } from '../../gradebook/transaction.ts';
import { exitCodes } from '../exit-codes.ts';
import { type CommandContext, UsageError } from '../io.ts';

export interface ImportProgressOptions {
	learner?: string;
	cohort?: string;
	gradebook?: string;
}

/**
 * Loads learners' progress files into the gradebook so their quiz scores count towards completion.
 * Each file is checked and stored on its own: one bad file is reported and does not stop the others.
 */
export async function runImportProgress(
	files: string[],
	options: ImportProgressOptions,
	context: CommandContext,
): Promise<void> {
	const { io } = context;
	if (options.learner && files.length > 1)
		throw new UsageError('--learner names the owner of one file; import other files separately');
	const db = openGradebook(options.gradebook ?? defaultGradebookPath(io.env));
	let rejected = 0;
	try {
		for (const file of files) {
			const reject = (reason: string) => {
				rejected += 1;
				io.stderr(`${file}: rejected: ${reason}\n`);
			};
			let text: string;
			try {
				text = await readFile(file, 'utf8');
			} catch (error) {
				reject(`cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
				continue;
			}
			const parsed = parseProgressExport(text);
			if (!parsed.ok) {
				reject(parsed.reason);
				continue;
			}
			const learner = matchProgressLearner(db, parsed.value, { learnerId: options.learner, cohort: options.cohort });
			if (!learner.ok) {
				reject(learner.reason);
				continue;
			}
			const scores = quizScoresOf(parsed.value);
			const added = inTransaction(db, () =>
				recordQuizScores(db, learner.value.rowId, scores, file, io.now().toISOString()),
			);
			io.stdout(
				`${file}: ${learner.value.learnerId} (${learner.value.name}): ${scores.length} quiz result${scores.length === 1 ? '' : 's'}, ${added} new\n`,
			);
		}
	} finally {
		db.close();
	}
	if (rejected > 0) {
		io.stderr(
			`${rejected} of ${files.length} file${files.length === 1 ? '' : 's'} rejected; the others were imported.\n`,
		);
		context.setExitCode(exitCodes.usage);
	}
}

export function registerImportProgress(program: Command, context: CommandContext): void {
	program
		.command('import-progress')
		.description(
			"load learners' progress files (exported from the course site) so quiz scores count towards completion",
		)
		.argument('<files...>', 'progress JSON files, one per learner')
		.option('--learner <id>', 'roster learner id, for a file that does not name its learner')
		.option('--cohort <name>', 'the cohort, when a learner is in several')
		.option('--gradebook <file>', 'SQLite gradebook (default: SRE_LAB_GRADEBOOK or .sre-lab/gradebook.sqlite)')
		.addHelpText(
			'after',
			`
Learners export their file on the course site's "My progress" page. A file is matched to the roster by
its learner id (or email) and rejected when the two disagree. Importing a file twice adds nothing.

Example:
  sre-lab import-progress progress/*.json --cohort spring-2026`,
		)
		.action((files: string[], options: ImportProgressOptions) => runImportProgress(files, options, context));
}
