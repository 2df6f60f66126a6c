import { basename, extname } from 'node:path';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { Command } from 'commander';
import type { GradeAccount } from '../../cohort/account-outcome.ts';
import { roleNamePattern } from '../../cohort/aws-identifiers.ts';
import { createEngineGrader } from '../../cohort/engine-grader.ts';
import { gradeAccounts, LockHeldError, lockRun as lockCohortRun, registerCohort } from '../../cohort/grade-cohort.ts';
import { gradingFlagProblems } from '../../cohort/grading-flags.ts';
import { widestDefaultWindowMs } from '../../cohort/lab-plan.ts';
import { createCohortProgress, type ProgressStream } from '../../cohort/progress.ts';
import { formatRosterProblems, parseRoster, type RosterEntry } from '../../cohort/roster.ts';
import { maxRosterFileBytes } from '../../cohort/roster-limits.ts';
import type { AccountLeftForResume } from '../../cohort/run-cohort.ts';
import { parseDuration } from '../../engine/duration.ts';
import { defaultGradebookPath } from '../../gradebook/default-path.ts';
import type { GradebookDb } from '../../gradebook/open-gradebook.ts';
import type { HeldLock } from '../../gradebook/run-lock.ts';
import { exitCodeForOutcomes, formatRunOutcomes, runOutcomes } from '../../gradebook/run-outcomes.ts';
import { findLatestGradeRun, getRun, learnersGradedInRun, type RunRow, startRun } from '../../gradebook/runs.ts';
import { getLab } from '../../labs/index.ts';
import { exitCodes } from '../exit-codes.ts';
import { openGradebookForCommand } from '../gradebook-for-command.ts';
import { CannotGradeError, type CommandContext, UsageError } from '../io.ts';
import { readTextFile } from '../read-text-file.ts';
import { addCohortGradingOptions } from './cohort-options.ts';

export interface GradeOptions {
	roster: string;
	labs?: string;
	cohort?: string;
	roleName: string;
	externalId?: string;
	region?: string;
	profile?: string;
	concurrency: string;
	timeout: string;
	since?: string;
	gradebook?: string;
	resume?: boolean;
	skipInvalid?: boolean;
	endpointUrl?: string;
}

/** What `grade` needs from outside, replaceable in tests and the benchmark. */
export interface GradeDependencies {
	/** Fails (CannotGradeError) before anything is graded when the instructor's own credentials are missing. */
	createGrader(options: {
		labs: readonly string[];
		windowMs: number;
		profile?: string;
		endpointUrl?: string;
	}): Promise<GradeAccount>;
	/** Calls `onInterrupt` on Ctrl-C; returns a function that removes the handler. */
	onInterrupt(onInterrupt: () => void): () => void;
	progressStream(context: CommandContext): ProgressStream;
}

export const productionGradeDependencies: GradeDependencies = {
	async createGrader({ labs, windowMs, profile, endpointUrl }) {
		// The instructor's identity, resolved once and shared by every account's AssumeRole. Without it
		// every account would fail with the same error, so it is checked before the run starts.
		const masterCredentials = fromNodeProviderChain(profile ? { profile } : {});
		try {
			await masterCredentials();
		} catch (error) {
			throw new CannotGradeError(
				`no AWS credentials for your own account (${(error as Error).message}); sign in with aws sso login or aws configure, ` +
					'or run in AWS CloudShell. Nothing was graded.',
			);
		}
		return createEngineGrader({ labs, windowMs, endpointUrl, masterCredentials });
	},
	onInterrupt(onInterrupt) {
		process.once('SIGINT', onInterrupt);
		return () => process.off('SIGINT', onInterrupt);
	},
	progressStream: ({ io }) =>
		io.isTTY && process.stderr.isTTY ? process.stderr : { write: (text: string) => io.stderr(text) },
};

function positiveInteger(text: string, flag: string, max: number): number {
	const value = Number(text);
	if (!Number.isInteger(value) || value < 1 || value > max)
		throw new UsageError(`${flag} expects a whole number from 1 to ${max}, got "${text}"`);
	return value;
}

/** The lab argument and --labs together; every id must be a known lab. */
export function requestedLabs(labArgument: string | undefined, labsFlag: string | undefined): string[] {
	const ids = [...(labArgument ? [labArgument] : []), ...(labsFlag ?? '').split(',')]
		.map((id) => id.trim())
		.filter(Boolean);
	const unique = [...new Set(ids)];
	if (unique.length === 0)
		throw new UsageError(
			'name the lab to grade, e.g. `sre-lab grade lab1 --roster cohort.csv`, or pass --labs lab1,lab2',
		);
	for (const id of unique) {
		try {
			getLab(id);
		} catch (error) {
			throw new UsageError((error as Error).message);
		}
	}
	return unique;
}

/** A flag's value, else the first environment variable set, with where it came from (for messages). */
function valueFrom(
	flag: string | undefined,
	flagName: string,
	env: CommandContext['io']['env'],
	variables: readonly string[],
): { value: string; source: string } | undefined {
	if (flag !== undefined) return { value: flag, source: flagName };
	for (const variable of variables) {
		const value = env[variable];
		if (value !== undefined) return { value, source: variable };
	}
	return undefined;
}

function cohortNameFor(options: GradeOptions): string {
	return options.cohort ?? basename(options.roster, extname(options.roster));
}

async function readRoster(file: string): Promise<string> {
	const read = await readTextFile(file, { maxBytes: maxRosterFileBytes });
	if (!read.ok) throw new UsageError(`roster ${file}: ${read.reason}`);
	return read.text;
}

function runToResume(db: GradebookDb, cohortId: number, cohortName: string, labs: readonly string[]): RunRow {
	const run = findLatestGradeRun(db, cohortId);
	if (!run)
		throw new UsageError(`cohort ${cohortName} has no grading run to resume; run without --resume to start one`);
	const sameLabs = run.labs.length === labs.length && run.labs.every((lab) => labs.includes(lab));
	if (!sameLabs) {
		throw new UsageError(
			`the last run of ${cohortName} (run ${run.id}) graded ${run.labs.join(', ')}; resume it with exactly those labs`,
		);
	}
	return run;
}

/** The accounts not recorded because of trouble on the instructor's side, grouped by kind. */
export function formatLeftForResume(left: readonly AccountLeftForResume[]): string {
	const lines = left.map(
		({ target, error }) => `  ${target.learnerId} (${target.accountId}): ${error.kind}: ${error.message}`,
	);
	return (
		`Not graded because of trouble on your side, not the learners' (${left.length}); ` +
		`run the same command with --resume to grade them:\n${lines.join('\n')}\n`
	);
}

/** The run's lock (grade-cohort.ts), or exit 2 naming the process that holds it. */
function lockRun(db: GradebookDb, runId: number, cohortName: string, io: CommandContext['io']): HeldLock {
	try {
		return lockCohortRun(db, runId, cohortName, { now: io.now, onTakeover: (message) => io.stderr(`${message}\n`) });
	} catch (error) {
		if (error instanceof LockHeldError) throw new CannotGradeError(error.message);
		throw error;
	}
}

/** What grade and watch need before any account is touched: flags checked and the roster read. */
export interface PreparedGrading {
	labs: string[];
	concurrency: number;
	timeoutSeconds: number;
	windowMs: number;
	roster: RosterEntry[];
	cohortName: string;
}

/** Checks the flags shared by grade and watch and reads the roster; usage errors say what to fix. */
export async function prepareGrading(
	labArgument: string | undefined,
	options: GradeOptions,
	context: CommandContext,
): Promise<PreparedGrading> {
	const { io } = context;
	const labs = requestedLabs(labArgument, options.labs);
	const concurrency = positiveInteger(options.concurrency, '--concurrency', 256);
	const timeoutSeconds = positiveInteger(options.timeout, '--timeout', 3600);
	const windowMs = options.since ? parseDuration(options.since) : widestDefaultWindowMs(labs);
	if (windowMs === null)
		throw new UsageError(`--since expects a duration such as 30m, 24h or 7d, got "${options.since}"`);
	if (!roleNamePattern.test(options.roleName))
		throw new UsageError(`--role-name "${options.roleName}" is not a valid IAM role name`);

	const region = valueFrom(options.region, '--region', io.env, ['AWS_REGION', 'AWS_DEFAULT_REGION']);
	const externalId = valueFrom(options.externalId, '--external-id', io.env, ['SRE_LAB_EXTERNAL_ID']);
	const endpointUrl = valueFrom(options.endpointUrl, '--endpoint-url', io.env, []);
	const flagProblems = gradingFlagProblems({ region, externalId, endpointUrl });
	if (flagProblems.length > 0) throw new UsageError(`${flagProblems.join('; ')}; nothing was graded`);

	const roster = parseRoster(await readRoster(options.roster), {
		roleName: options.roleName,
		region: region?.value,
		externalId: externalId?.value,
	});
	if (roster.problems.length > 0) {
		io.stderr(`${formatRosterProblems(options.roster, roster.problems)}\n`);
		const count = `${roster.problems.length} problem${roster.problems.length === 1 ? '' : 's'}`;
		if (!options.skipInvalid || roster.entries.length === 0) {
			// --skip-invalid helps only when some rows are valid: not for a broken header, a file that is not
			// CSV or one over the learner limit, which leave no rows to grade.
			const next =
				roster.entries.length > 0 ? 'Fix them, or pass --skip-invalid to grade the valid rows' : 'Fix the roster';
			throw new UsageError(`the roster has ${count}; nothing was graded. ${next}`);
		}
		io.stderr(`Skipping ${count}; grading the ${roster.entries.length} valid rows.\n`);
	}

	return { labs, concurrency, timeoutSeconds, windowMs, roster: roster.entries, cohortName: cohortNameFor(options) };
}

export async function runGrade(
	labArgument: string | undefined,
	options: GradeOptions,
	context: CommandContext,
	dependencies: GradeDependencies = productionGradeDependencies,
): Promise<void> {
	const { io } = context;
	const {
		labs,
		concurrency,
		timeoutSeconds,
		windowMs,
		roster: entries,
		cohortName,
	} = await prepareGrading(labArgument, options, context);
	const gradeAccount = await dependencies.createGrader({
		labs,
		windowMs,
		profile: options.profile,
		endpointUrl: options.endpointUrl,
	});
	const db = openGradebookForCommand(options.gradebook ?? defaultGradebookPath(io.env), 'create', io.env);
	const stopInterrupt = new AbortController();
	let removeInterruptHandler = () => {};
	let runLock: HeldLock | undefined;
	try {
		const now = io.now().toISOString();
		const cohort = registerCohort(db, cohortName, entries, now);
		const { cohortId } = cohort;

		let runId: number;
		let targets = entries;
		if (options.resume) {
			const latest = runToResume(db, cohortId, cohortName, labs);
			// Locked before reading what is done: a second `--resume` of the same run would otherwise
			// grade the same accounts again and collide with the first one's records.
			runLock = lockRun(db, latest.id, cohortName, io);
			const run = getRun(db, latest.id) ?? latest;
			if (run.finishedAt) {
				io.stderr(`Run ${run.id} of ${cohortName} already finished at ${run.finishedAt}; nothing to resume.\n`);
				io.stdout(formatRunOutcomes(runOutcomes(db, run.id)));
				context.setExitCode(exitCodeForOutcomes(runOutcomes(db, run.id), true));
				return;
			}
			const done = learnersGradedInRun(db, run.id);
			targets = entries.filter((entry) => !done.has(entry.learnerId));
			runId = run.id;
			io.stderr(`Resuming run ${run.id}: ${done.size} accounts already graded, ${targets.length} to go.\n`);
		} else {
			runId = startRun(db, {
				cohortId,
				kind: 'grade',
				labs,
				settings: {
					roleName: options.roleName,
					region: options.region,
					concurrency,
					timeoutSeconds,
					windowMs,
					...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
				},
				plannedAccounts: targets.length,
				now,
			});
			runLock = lockRun(db, runId, cohortName, io);
		}

		removeInterruptHandler = dependencies.onInterrupt(() => {
			io.stderr(
				`\nStopping: every finished account is saved; the rest, including accounts in progress, are graded by the same command with --resume (Ctrl-C again quits at once).\n`,
			);
			stopInterrupt.abort();
		});
		const progress = createCohortProgress(dependencies.progressStream(context));
		progress.start(targets.length);
		// Accounts left for --resume (instructor-side trouble) keep the run unfinished, so it can redo them.
		const { summary, left, complete } = await gradeAccounts({
			db,
			runId,
			cohort,
			targets,
			labs,
			gradeAccount,
			concurrency,
			timeoutMs: timeoutSeconds * 1000,
			signal: stopInterrupt.signal,
			onAccountRecorded: (done) => progress.accountDone(done),
			now: io.now,
		}).finally(() => progress.stop());
		const outcomes = runOutcomes(db, runId);
		io.stdout(
			`Run ${runId} of cohort ${cohortName} (${labs.join(', ')}): ${outcomes.accounts} account${outcomes.accounts === 1 ? '' : 's'} graded` +
				`${complete ? '' : `, ${left} not yet (${summary.notGraded.length > 0 ? 'stopped; ' : ''}continue with --resume)`} in ${(summary.wallMs / 1000).toFixed(1)} s\n`,
		);
		io.stdout(formatRunOutcomes(outcomes));
		if (summary.leftForResume.length > 0) io.stdout(formatLeftForResume(summary.leftForResume));
		if (summary.stoppedBy) {
			// Not the learners' fault, and nothing more can be graded until the instructor signs in again.
			throw new CannotGradeError(
				`stopped: ${summary.stoppedBy.message.replace(/\.$/, '')}. ${left} account${left === 1 ? ' was' : 's were'} not graded and ${left === 1 ? 'is' : 'are'} left for \`sre-lab grade --resume\` once your credentials work again.`,
			);
		}
		context.setExitCode(
			summary.leftForResume.length > 0 ? exitCodes.couldNotGrade : exitCodeForOutcomes(outcomes, complete),
		);
	} finally {
		removeInterruptHandler();
		runLock?.release();
		db.close();
	}
}

export function createGradeCommand(dependencies: GradeDependencies = productionGradeDependencies) {
	return (program: Command, context: CommandContext): void => {
		const command = program
			.command('grade')
			.description("grade a cohort: assume the read-only grader role in every learner's account and store the results")
			.argument('[lab]', 'the lab to grade, e.g. lab2 (see `sre-lab labs`)')
			.requiredOption(
				'--roster <file>',
				'CSV with learner_id,name,email,account_id and optional role_arn,region,external_id',
			)
			.option('--labs <ids>', 'grade several labs in one pass, sharing the reads, e.g. lab1,lab2,lab3');
		addCohortGradingOptions(command, 'grade')
			.option('--resume', "continue the cohort's last run, grading only the accounts it has not recorded")
			.addHelpText(
				'after',
				`
Each account is graded once per run, concurrently, and written to the gradebook as soon as it is done,
so a run that is interrupted loses nothing: repeat the command with --resume to finish it.
An account that cannot be graded (role missing, AccessDenied, timeout) is recorded as an error and
does not stop the run. Trouble on your side is not recorded: your own credentials failing (at the
start, or expiring during the run) stops the run (exit 2) without recording the accounts in progress,
and accounts STS could not be reached for are left for --resume. One process grades a
run at a time: a second --resume of it exits 2 naming the process that holds it.

Examples:
  sre-lab grade lab1 --roster spring-2026.csv --external-id spring-2026-3f9c --region eu-west-1
  sre-lab grade --labs lab1,lab2,lab3 --roster spring-2026.csv --external-id spring-2026-3f9c --concurrency 16
  sre-lab grade lab1 --roster spring-2026.csv --external-id spring-2026-3f9c --region eu-west-1 --resume`,
			)
			.action((lab: string | undefined, options: GradeOptions) => runGrade(lab, options, context, dependencies));
	};
}

export const registerGrade = createGradeCommand();
