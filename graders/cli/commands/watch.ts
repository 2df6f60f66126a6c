import type { Command } from 'commander';
import { LockHeldError, registerCohort } from '../../cohort/grade-cohort.ts';
import { defaultGradebookPath } from '../../gradebook/default-path.ts';
import { getLab } from '../../labs/index.ts';
import { isLoopbackHost, newAccessToken } from '../../watch/access-token.ts';
import { startDashboard } from '../../watch/dashboard-server.ts';
import type { LiveColumn } from '../../watch/live-data.ts';
import { createWatch } from '../../watch/watch-cohort.ts';
import { parseWatchDuration } from '../../watch/watch-duration.ts';
import { exitCodes } from '../exit-codes.ts';
import { openGradebookForCommand } from '../gradebook-for-command.ts';
import { CannotGradeError, type CommandContext, UsageError } from '../io.ts';
import { addCohortGradingOptions } from './cohort-options.ts';
import { type GradeDependencies, type GradeOptions, prepareGrading, productionGradeDependencies } from './grade.ts';

export interface WatchCliOptions extends GradeOptions {
	every: string;
	port: string;
	host: string;
	stuckAfter: string;
	grace: string;
	rounds?: string;
}

/** Exit code after Ctrl-C cut a round short (128 + SIGINT), as shells report a process stopped by it. */
export const interruptedExitCode = 130;

/** The grid's columns: every check of the watched labs, in lab then step order. */
export function liveColumns(labs: readonly string[]): LiveColumn[] {
	return labs.flatMap((lab) =>
		[...getLab(lab).manifest.checks]
			.sort((a, b) => a.step - b.step)
			.map((check) => ({ lab, checkId: check.id, title: check.title, step: check.step })),
	);
}

function duration(text: string, flag: string, minMs: number, maxMs: number): number {
	const ms = parseWatchDuration(text, minMs, maxMs);
	if (ms === null)
		throw new UsageError(
			`${flag} expects a duration such as 90s, 2m or 1h, from ${minMs / 1000} s to ${maxMs / 60_000} min, got "${text}"`,
		);
	return ms;
}

export async function runWatch(
	labArgument: string | undefined,
	options: WatchCliOptions,
	context: CommandContext,
	dependencies: GradeDependencies = productionGradeDependencies,
): Promise<void> {
	const { io } = context;
	const everyMs = duration(options.every, '--every', 1000, 24 * 60 * 60_000);
	const stuckAfterMs = duration(options.stuckAfter, '--stuck-after', 1000, 24 * 60 * 60_000);
	const graceMs = duration(options.grace, '--grace', 1000, 60 * 60_000);
	const port = Number(options.port);
	if (!Number.isInteger(port) || port < 0 || port > 65_535)
		throw new UsageError(`--port expects a port number from 0 (any free port) to 65535, got "${options.port}"`);
	const maxRounds = options.rounds === undefined ? undefined : Number(options.rounds);
	if (maxRounds !== undefined && (!Number.isInteger(maxRounds) || maxRounds < 1))
		throw new UsageError(`--rounds expects a whole number of at least 1, got "${options.rounds}"`);
	const { labs, concurrency, timeoutSeconds, windowMs, roster, cohortName } = await prepareGrading(
		labArgument,
		options,
		context,
	);
	const gradeAccount = await dependencies.createGrader({
		labs,
		windowMs,
		profile: options.profile,
		endpointUrl: options.endpointUrl,
	});
	const db = openGradebookForCommand(options.gradebook ?? defaultGradebookPath(io.env), 'create', io.env);
	// Names and emails are on the page: beyond loopback, only someone with the token may see it.
	const token = isLoopbackHost(options.host) ? null : newAccessToken();
	const cohort = registerCohort(db, cohortName, roster, io.now().toISOString());
	const watch = createWatch({
		db,
		cohort,
		roster,
		labs,
		columns: liveColumns(labs),
		gradeAccount,
		concurrency,
		timeoutMs: timeoutSeconds * 1000,
		everyMs,
		stuckAfterMs,
		graceMs,
		maxRounds,
		settings: {
			roleName: options.roleName,
			region: options.region,
			concurrency,
			timeoutSeconds,
			windowMs,
			watch: true,
			...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
		},
		now: io.now,
		onViewChanged: () => dashboard?.broadcast(),
		onTakeover: (message) => io.stderr(`${message}\n`),
		onRound: (round) =>
			io.stderr(
				round.targets === 0
					? `Round ${round.round}: every learner has passed ${labs.join(', ')}; nothing to grade.\n`
					: `Round ${round.round} (run ${round.runId}): ${round.recorded} of ${round.targets} accounts graded in ${(round.wallMs / 1000).toFixed(1)} s${round.interrupted ? ' (cut short by Ctrl-C)' : ''}.\n`,
			),
	});
	let dashboard: Awaited<ReturnType<typeof startDashboard>> | undefined;
	const removeInterruptHandler = dependencies.onInterrupt(() => {
		io.stderr(
			`\nStopping: the round in flight finishes (at most ${graceMs / 1000} s more); every account is saved whole or not at all (Ctrl-C again quits at once, losing only the accounts in flight).\n`,
		);
		watch.stop();
	});
	// "Time since progress" and the stuck flags move on between rounds too.
	const ticker = setInterval(() => watch.refresh(), 30_000);
	ticker.unref();
	try {
		dashboard = await startDashboard({
			host: options.host,
			port,
			token,
			cohort: cohortName,
			view: () => watch.view(),
			detail: (learnerId) => watch.detail(learnerId),
		}).catch((error: Error) => {
			throw new UsageError(`cannot listen on ${options.host}:${port}: ${error.message}`);
		});
		io.stdout(`Live dashboard for ${cohortName}: ${dashboard.url}\n`);
		if (token)
			io.stdout('It is open beyond this machine: share the address above only with who may see names and emails.\n');
		io.stderr(`Grading ${roster.length} learners every ${options.every} (${labs.join(', ')}); Ctrl-C stops.\n`);
		const result = await watch.run().catch((error: unknown) => {
			if (error instanceof LockHeldError) throw new CannotGradeError(error.message);
			throw error;
		});
		if (result.stoppedBy) {
			// As grade does: the accounts in flight are not recorded, so no learner shows an error for it.
			throw new CannotGradeError(
				`stopped: ${result.stoppedBy.message.replace(/\.$/, '')}. Accounts this round had not finished were not recorded; ` +
					'once your credentials work again, start watch again: it grades every learner not yet complete.',
			);
		}
		io.stderr(
			`Stopped after ${result.rounds} round${result.rounds === 1 ? '' : 's'}; the gradebook has every finished account.\n`,
		);
		context.setExitCode(result.interrupted ? interruptedExitCode : exitCodes.allPass);
	} finally {
		clearInterval(ticker);
		removeInterruptHandler();
		await dashboard?.close();
		db.close();
	}
}

export function createWatchCommand(dependencies: GradeDependencies = productionGradeDependencies) {
	return (program: Command, context: CommandContext): void => {
		const command = program
			.command('watch')
			.description('grade a cohort every few minutes during a lab and serve a live dashboard of who is stuck where')
			.argument('[lab]', 'the lab to watch, e.g. lab2')
			.requiredOption(
				'--roster <file>',
				'CSV with learner_id,name,email,account_id and optional role_arn,region,external_id',
			)
			.option('--labs <ids>', 'watch several labs, e.g. lab1,lab2')
			.option('--every <duration>', 'time between the starts of two rounds, e.g. 90s, 2m', '2m')
			.option('--stuck-after <duration>', 'flag a learner as stuck after this long without progress', '15m')
			.option('--port <n>', 'dashboard port (0: any free port)', '8377')
			.option(
				'--host <address>',
				'dashboard address; anything but loopback requires the printed access token',
				'127.0.0.1',
			)
			.option('--grace <duration>', 'after Ctrl-C, how long the round in flight may take to finish', '60s')
			.option('--rounds <n>', 'stop after this many rounds (default: until Ctrl-C)');
		addCohortGradingOptions(command, 'watch')
			.addHelpText(
				'after',
				`
Each round grades the learners who have not yet passed every watched lab, like \`grade\` (same
concurrency, time limits, read-only grader role, run lock and gradebook, so report and regrade see
every attempt). The dashboard reads the gradebook; it never calls AWS.

Ctrl-C lets the round in flight finish (at most --grace), then stops: every account is in the
gradebook whole or not at all, and no --resume is needed. Exit 0 when stopped cleanly (or after
--rounds), 130 when the grace ran out and unfinished accounts of the last round were dropped, 2 when
your own credentials failed or another process holds the cohort's watch.

Examples:
  sre-lab watch lab2 --roster spring-2026.csv --external-id spring-2026-3f9c --region eu-west-1
  sre-lab watch --labs lab1,lab2 --roster spring-2026.csv --every 3m --stuck-after 20m --host 0.0.0.0`,
			)
			.action((lab: string | undefined, options: WatchCliOptions) => runWatch(lab, options, context, dependencies));
	};
}

export const registerWatch = createWatchCommand();
