import type { Command } from 'commander';
import { ungradedLabs } from '../../cohort/lab-plan.ts';
import { evaluateLab, readsMissingFrom } from '../../engine/evaluate.ts';
import type { LabResult, Snapshot } from '../../engine/types.ts';
import { defaultGradebookPath } from '../../gradebook/default-path.ts';
import { erroredAccountsOfRun, evidenceOfRun, loadEvidence } from '../../gradebook/evidence-store.ts';
import { recordAccountGrading } from '../../gradebook/record-grading.ts';
import { exitCodeForOutcomes, formatRunOutcomes, runOutcomes } from '../../gradebook/run-outcomes.ts';
import { finishRun, getRun, startRun } from '../../gradebook/runs.ts';
import { getLab } from '../../labs/index.ts';
import { openGradebookForCommand } from '../gradebook-for-command.ts';
import { type CommandContext, UsageError } from '../io.ts';

export interface RegradeOptions {
	run: string;
	gradebook?: string;
}

interface PreviousResult {
	outcome: string;
	score: number;
}

/**
 * Evaluates the stored evidence of a run again with the current graders (after a grader fix) and
 * records the results as a new run. No AWS call is made. The new attempts supersede the old ones in
 * every report; the old ones stay in the history.
 */
export async function runRegrade(options: RegradeOptions, context: CommandContext): Promise<void> {
	const { io } = context;
	const runId = Number(options.run);
	if (!Number.isInteger(runId) || runId < 1) throw new UsageError(`--run expects a run number, got "${options.run}"`);
	const db = openGradebookForCommand(options.gradebook ?? defaultGradebookPath(io.env), 'existing', io.env);
	try {
		const source = getRun(db, runId);
		if (!source) throw new UsageError(`run ${runId} is not in the gradebook`);
		for (const lab of source.labs) {
			try {
				getLab(lab);
			} catch (error) {
				throw new UsageError(
					`run ${runId} graded ${lab}, which this sre-lab does not know: ${(error as Error).message}`,
				);
			}
		}
		const evidence = evidenceOfRun(db, runId);
		const previous = new Map<string, PreviousResult>();
		for (const row of db
			.prepare(
				'SELECT l.learner_key, a.lab, a.outcome, a.score FROM attempts a JOIN learners l ON l.id = a.learner_id WHERE a.run_id = ?',
			)
			.all(runId) as { learner_key: string; lab: string; outcome: string; score: number }[]) {
			previous.set(`${row.learner_key}/${row.lab}`, { outcome: row.outcome, score: row.score });
		}

		const newRunId = startRun(db, {
			cohortId: source.cohortId,
			kind: 'regrade',
			labs: source.labs,
			sourceRunId: runId,
			settings: {},
			plannedAccounts: evidence.length,
			now: io.now().toISOString(),
		});
		const changes: string[] = [];
		const outdated: string[] = [];
		for (const ref of evidence) {
			const started = io.now();
			const account = {
				runId: newRunId,
				learnerRowId: ref.learnerRowId,
				accountId: ref.accountId,
				region: ref.region,
				startedAt: started.toISOString(),
			};
			let snapshot: Snapshot;
			try {
				snapshot = loadEvidence(db, ref.evidenceId);
			} catch (error) {
				// Evidence this version cannot read is the grader's problem, not the learner's.
				const finished = io.now();
				recordAccountGrading(db, {
					...account,
					finishedAt: finished.toISOString(),
					durationMs: finished.getTime() - started.getTime(),
					outcome: {
						status: 'error',
						error: {
							kind: 'other',
							message: `${(error as Error).message}; grade this account again with \`sre-lab grade\``,
						},
						labs: ungradedLabs(source.labs),
					},
				});
				continue;
			}
			const results: LabResult[] = source.labs.map((lab) => evaluateLab(lab, snapshot, { now: io.now }));
			const missing = [...new Set(source.labs.flatMap((lab) => readsMissingFrom(snapshot, getLab(lab))))];
			if (missing.length > 0) outdated.push(`  ${ref.learnerId}: no ${missing.join(', ')}`);
			const finished = io.now();
			recordAccountGrading(db, {
				...account,
				finishedAt: finished.toISOString(),
				durationMs: finished.getTime() - started.getTime(),
				outcome: { status: 'graded', evidence: { evidenceId: ref.evidenceId }, results },
			});
			for (const result of results) {
				const before = previous.get(`${ref.learnerId}/${result.lab}`);
				if (before && (before.outcome !== result.outcome || before.score !== result.score)) {
					changes.push(
						`  ${ref.learnerId} ${result.lab}: ${before.outcome} ${before.score} → ${result.outcome} ${result.score}/${result.maxScore}`,
					);
				}
			}
		}
		finishRun(db, newRunId, io.now().toISOString());

		const outcomes = runOutcomes(db, newRunId);
		io.stdout(
			`Run ${newRunId} regraded ${evidence.length} account${evidence.length === 1 ? '' : 's'} of run ${runId} (cohort ${source.cohortName}) from stored evidence, without calling AWS.\n`,
		);
		io.stdout(formatRunOutcomes(outcomes));
		io.stdout(
			changes.length > 0
				? `Results that changed (${changes.length}):\n${changes.join('\n')}\n`
				: 'No result changed.\n',
		);
		if (outdated.length > 0) {
			io.stdout(
				`Evidence collected by an older sre-lab lacks reads the current graders need (${outdated.length}); ` +
					`checks that need them and do not pass are recorded as could not grade. Grade these accounts again with \`sre-lab grade\`:\n${outdated.join('\n')}\n`,
			);
		}
		const missing = erroredAccountsOfRun(db, runId);
		if (missing.length > 0) {
			io.stdout(
				`${missing.length} account${missing.length === 1 ? '' : 's'} of run ${runId} could not be graded then and have no evidence: ` +
					`${missing.map((account) => account.learnerId).join(', ')}. Grade them again with \`sre-lab grade\`.\n`,
			);
		}
		context.setExitCode(exitCodeForOutcomes(outcomes, missing.length === 0));
	} finally {
		db.close();
	}
}

export function registerRegrade(program: Command, context: CommandContext): void {
	program
		.command('regrade')
		.description('grade the evidence stored by an earlier run again, e.g. after a grader fix (no AWS calls)')
		.requiredOption('--run <id>', 'the run whose evidence to grade again (see the run number printed by `grade`)')
		.option('--gradebook <file>', 'SQLite gradebook (default: SRE_LAB_GRADEBOOK or .sre-lab/gradebook.sqlite)')
		.action((options: RegradeOptions) => runRegrade(options, context));
}
