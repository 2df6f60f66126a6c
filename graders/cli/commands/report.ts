import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { findCohort } from '../../gradebook/cohorts.ts';
import { loadCompletionData } from '../../gradebook/completion-data.ts';
import { loadCourseQuizzes } from '../../gradebook/course-quizzes.ts';
import { defaultGradebookPath } from '../../gradebook/default-path.ts';
import { labs } from '../../labs/index.ts';
import { buildCompletionMatrix, type CompletionMatrix, defaultAtRiskDays } from '../../report/completion-matrix.ts';
import { CompletionRuleSchema, parseIdSelection } from '../../report/completion-rule.ts';
import { renderCompletionCsv } from '../../report/render-csv.ts';
import { renderCompletionHtml } from '../../report/render-html.ts';
import { renderCompletionJson } from '../../report/render-json.ts';
import { openGradebookForCommand } from '../gradebook-for-command.ts';
import { CannotGradeError, type CommandContext, UsageError } from '../io.ts';

export interface ReportOptions {
	cohort?: string;
	format?: string;
	output?: string;
	requireLabs: string;
	requireQuizzes: string;
	minQuizAverage: string;
	/** Days without progress after which an incomplete learner counts as at risk (default 7). */
	atRiskDays?: string;
	gradebook?: string;
}

const renderers: Record<string, (matrix: CompletionMatrix) => string> = {
	csv: renderCompletionCsv,
	json: renderCompletionJson,
	html: renderCompletionHtml,
};

/** --format, else the output file's extension, else CSV (the format an LMS or HR import wants). */
export function reportFormat(format: string | undefined, output: string | undefined): string {
	const chosen = format ?? (output ? extname(output).slice(1).toLowerCase().replace(/^htm$/, 'html') : 'csv');
	if (!(chosen in renderers)) throw new UsageError(`--format expects csv, json or html, got "${chosen}"`);
	return chosen;
}

function labIds(): string[] {
	return labs.map((lab) => lab.id);
}

function courseQuizIds(): string[] {
	try {
		return loadCourseQuizzes().map((quiz) => quiz.id);
	} catch (error) {
		throw new CannotGradeError((error as Error).message);
	}
}

/** A required lab or quiz the course does not have could never be completed: a typo, refused. */
function checkKnownIds(flag: string, selection: 'all' | string[], known: readonly string[], what: string): void {
	if (selection === 'all') return;
	const unknown = selection.filter((id) => !known.includes(id));
	if (unknown.length > 0)
		throw new UsageError(
			`${flag}: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not among the course's ${what} (${known.join(', ')})`,
		);
}

export async function runReport(options: ReportOptions, context: CommandContext): Promise<void> {
	const { io } = context;
	const format = reportFormat(options.format, options.output);
	const minQuizAverage = Number(options.minQuizAverage);
	const rule = CompletionRuleSchema.safeParse({
		labs: parseIdSelection(options.requireLabs),
		quizzes: parseIdSelection(options.requireQuizzes),
		minQuizAveragePercent: minQuizAverage,
	});
	if (!rule.success || Number.isNaN(minQuizAverage)) {
		throw new UsageError(`--min-quiz-average expects a percentage from 0 to 100, got "${options.minQuizAverage}"`);
	}
	const atRiskDays = Number(options.atRiskDays ?? defaultAtRiskDays);
	if (!Number.isInteger(atRiskDays) || atRiskDays < 1 || atRiskDays > 365)
		throw new UsageError(`--at-risk-days expects a whole number of days from 1 to 365, got "${options.atRiskDays}"`);
	const quizIds = courseQuizIds();
	checkKnownIds('--require-labs', rule.data.labs, labIds(), 'labs');
	checkKnownIds('--require-quizzes', rule.data.quizzes, quizIds, 'quizzes');
	const db = openGradebookForCommand(options.gradebook ?? defaultGradebookPath(io.env), 'existing', io.env);
	let matrix: CompletionMatrix;
	try {
		if (options.cohort && !findCohort(db, options.cohort))
			throw new UsageError(`there is no cohort "${options.cohort}" in the gradebook`);
		matrix = buildCompletionMatrix(loadCompletionData(db, options.cohort), {
			rule: rule.data,
			cohort: options.cohort ?? null,
			generatedAt: io.now().toISOString(),
			knownLabs: labs.map((lab) => ({ id: lab.id, title: lab.manifest.title })),
			courseQuizzes: quizIds,
			atRiskDays,
		});
	} finally {
		db.close();
	}
	const text = renderers[format]?.(matrix) ?? '';
	if (options.output) {
		try {
			await writeFile(options.output, text, 'utf8');
		} catch (error) {
			throw new UsageError(
				`cannot write ${options.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
			);
		}
		io.stderr(
			`Wrote ${options.output}: ${matrix.completeCount} of ${matrix.rows.length} learners complete (${matrix.ruleText}).\n`,
		);
	} else {
		io.stdout(text);
	}
}

export function registerReport(program: Command, context: CommandContext): void {
	program
		.command('report')
		.description('completion report from the gradebook: learners × labs and quizzes, as CSV, JSON or HTML')
		.option('--cohort <name>', 'only this cohort (default: every cohort)')
		.option('--format <format>', 'csv, json or html (default: from the --output extension, else csv)')
		.option('--output <file>', 'write to <file> instead of standard output')
		.option('--require-labs <labs>', 'labs that must be passed to complete: all, none or a list like lab1,lab2', 'all')
		.option('--require-quizzes <quizzes>', 'quizzes whose average counts: all, none or a list like day-1,day-2', 'all')
		.option('--min-quiz-average <percent>', 'minimum average of those quizzes, in percent', '70')
		.option(
			'--at-risk-days <days>',
			'an incomplete learner without progress for this many days is "at risk"',
			String(defaultAtRiskDays),
		)
		.option('--gradebook <file>', 'SQLite gradebook (default: SRE_LAB_GRADEBOOK or .sre-lab/gradebook.sqlite)')
		.addHelpText(
			'after',
			`
A lab counts as passed from the first attempt that passed; the date shown is when that account state
was collected. A quiz that was not taken counts as 0 % in the average.

Examples:
  sre-lab report --cohort spring-2026 --output spring-2026.html
  sre-lab report --cohort spring-2026 --format csv --require-labs lab1,lab2 --min-quiz-average 80 > lms.csv`,
		)
		.action((options: ReportOptions) => runReport(options, context));
}
