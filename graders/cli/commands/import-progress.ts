import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { formatRosterProblems, parseRosterLearners, type RosterLearner } from '../../cohort/roster.ts';
import { maxRosterFileBytes } from '../../cohort/roster-limits.ts';
import { ensureCohort, upsertLearners } from '../../gradebook/cohorts.ts';
import { loadCourseQuizzes } from '../../gradebook/course-quizzes.ts';
import { defaultGradebookPath } from '../../gradebook/default-path.ts';
import type { GradebookDb } from '../../gradebook/open-gradebook.ts';
import { matchProgressLearner, parseProgressExport, quizScoresOf } from '../../gradebook/progress-import.ts';
import { maxProgressFileBytes, progressTrustProblems } from '../../gradebook/progress-trust.ts';
import { recordQuizScores } from '../../gradebook/quiz-results.ts';
import { inTransaction } from '../../gradebook/transaction.ts';
import { exitCodes } from '../exit-codes.ts';
import { openGradebookForCommand } from '../gradebook-for-command.ts';
import { CannotGradeError, type CommandContext, UsageError } from '../io.ts';
import { readTextFile } from '../read-text-file.ts';

export interface ImportProgressOptions {
	learner?: string;
	cohort?: string;
	roster?: string;
	gradebook?: string;
}

async function readRosterLearners(file: string, context: CommandContext): Promise<RosterLearner[]> {
	const read = await readTextFile(file, { maxBytes: maxRosterFileBytes });
	if (!read.ok) throw new UsageError(`roster ${file}: ${read.reason}`);
	const roster = parseRosterLearners(read.text);
	if (roster.problems.length > 0) {
		const count = `${roster.problems.length} problem${roster.problems.length === 1 ? '' : 's'}`;
		context.io.stderr(`${formatRosterProblems(file, roster.problems)}\n`);
		throw new UsageError(`the roster has ${count}; nothing was imported. Fix them and run again`);
	}
	return roster.entries;
}

/**
 * Enrols the roster's learners in the cohort (named as `grade` names it), so their progress can be
 * imported before any lab is graded. A later `grade` with the same roster finds them there.
 */
function registerRoster(db: GradebookDb, cohortName: string, learners: readonly RosterLearner[], now: string): void {
	inTransaction(db, () => {
		const cohort = ensureCohort(db, cohortName, now);
		upsertLearners(db, cohort.id, learners, now);
	});
}

/**
 * Loads learners' progress files into the gradebook so their quiz scores count towards completion.
 * Each file is checked and stored on its own: one bad file is reported and does not stop the others.
 * With a roster, its learners are enrolled first and the files are matched within that cohort.
 */
export async function runImportProgress(
	files: string[],
	options: ImportProgressOptions,
	context: CommandContext,
): Promise<void> {
	const { io } = context;
	if (files.length === 0 && !options.roster)
		throw new UsageError('name the progress files to import, or pass --roster to enrol a cohort without them');
	if (options.learner && files.length > 1)
		throw new UsageError('--learner names the owner of one file; import other files separately');
	// Validated before the gradebook is touched: a bad roster changes nothing.
	const enrolment = options.roster
		? {
				file: options.roster,
				learners: await readRosterLearners(options.roster, context),
				cohort: options.cohort ?? basename(options.roster, extname(options.roster)),
			}
		: undefined;
	const cohortName = enrolment?.cohort ?? options.cohort;
	const db = openGradebookForCommand(options.gradebook ?? defaultGradebookPath(io.env), 'create', io.env);
	let rejected = 0;
	try {
		if (enrolment) {
			registerRoster(db, enrolment.cohort, enrolment.learners, io.now().toISOString());
			const count = enrolment.learners.length;
			io.stdout(`${enrolment.file}: ${count} learner${count === 1 ? '' : 's'} in cohort ${enrolment.cohort}\n`);
		}
		for (const file of files) {
			const reject = (reason: string) => {
				rejected += 1;
				io.stderr(`${file}: rejected: ${reason}\n`);
			};
			// Size first: a huge file is refused before it is read or parsed.
			const read = await readTextFile(file, { maxBytes: maxProgressFileBytes });
			if (!read.ok) {
				reject(read.reason);
				continue;
			}
			const parsed = parseProgressExport(read.text);
			if (!parsed.ok) {
				reject(parsed.reason);
				continue;
			}
			const untrusted = progressTrustProblems(parsed.value, { quizzes: courseQuizzes(), now: io.now() });
			if (untrusted.length > 0) {
				// One line per field, so every problem of a tampered or damaged file is visible at once.
				for (const problem of untrusted) io.stderr(`${file}: rejected: ${problem}\n`);
				rejected += 1;
				continue;
			}
			const learner = matchProgressLearner(db, parsed.value, { learnerId: options.learner, cohort: cohortName });
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

/** The course's quizzes, from its quiz banks; without them no file can be checked, so nothing is imported. */
function courseQuizzes() {
	try {
		return loadCourseQuizzes();
	} catch (error) {
		throw new CannotGradeError(`${(error as Error).message}; nothing more was imported`);
	}
}

export function registerImportProgress(program: Command, context: CommandContext): void {
	program
		.command('import-progress')
		.description(
			"load learners' progress files (exported from the course site) so quiz scores count towards completion; --roster enrols the cohort first",
		)
		.argument('[files...]', 'progress JSON files, one per learner')
		.option(
			'--roster <file>',
			'enrol the learners of this roster CSV first (as `grade` would, without grading), so files can be imported before any lab is graded',
		)
		.option('--learner <id>', 'roster learner id, for a file that does not name its learner')
		.option(
			'--cohort <name>',
			'the cohort, when a learner is in several (with --roster: the cohort to enrol into, default the roster file name)',
		)
		.option('--gradebook <file>', 'SQLite gradebook (default: SRE_LAB_GRADEBOOK or .sre-lab/gradebook.sqlite)')
		.addHelpText(
			'after',
			`
Learners export their file on the course site's "My progress" page. A file is matched to the roster by
its learner id (or email) and rejected when the two disagree. Importing a file twice adds nothing.

Learners are known to the gradebook once \`sre-lab grade\` has graded their cohort, or once their roster
is given with --roster: the same CSV as for \`grade\` (region and external_id may be left out here). It is
validated first and nothing is imported while it has problems; a later \`grade\` with the same roster
and cohort name uses the same learners.

Examples:
  sre-lab import-progress progress/*.json --cohort spring-2026
  sre-lab import-progress --roster spring-2026.csv progress/*.json
  sre-lab import-progress --roster spring-2026.csv        (enrol the cohort only)`,
		)
		.action((files: string[], options: ImportProgressOptions) => runImportProgress(files, options, context));
}
