/**
 * Watch benchmark: a cohort of N simulated learner accounts watched for R rounds, every AWS call
 * (AssumeRole included) answering after a latency, through the real collectors, checks, grading
 * module, gradebook and live view (scripts/bench-cohort.ts's simulated Lab 1 account, minus its
 * dashboard so no learner completes and every round regrades everyone: the worst case).
 * Reports RSS and heap after each round, each round's wall time and the time to rebuild the
 * dashboard's view, against one `grade` run of the same cohort.
 *   node scripts/bench-watch.ts [--accounts 200] [--rounds 30] [--latency 50] [--concurrency 16]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { liveColumns } from '../graders/cli/commands/watch.ts';
import { gradeAccounts, registerCohort, startLockedRun } from '../graders/cohort/grade-cohort.ts';
import { openGradebook } from '../graders/gradebook/open-gradebook.ts';
import { createWatch } from '../graders/watch/watch-cohort.ts';
import { completeLab1Account, mockLab1Account } from '../test/graders/support/lab1-account.ts';
import { simulatedLab1Grader, simulatedRoster } from './simulated-cohort.ts';

const { values } = parseArgs({
	options: {
		accounts: { type: 'string', default: '200' },
		rounds: { type: 'string', default: '30' },
		latency: { type: 'string', default: '50' },
		concurrency: { type: 'string', default: '16' },
	},
});
const accounts = Number(values.accounts);
const rounds = Number(values.rounds);
const latencyMs = Number(values.latency);
const concurrency = Number(values.concurrency);

const incomplete = { ...completeLab1Account(), dashboards: {} };
const mocks = mockLab1Account(incomplete, { latencyMs });
const dir = mkdtempSync(join(tmpdir(), 'bench-watch-'));
const db = openGradebook(join(dir, 'gradebook.sqlite'));
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

try {
	const roster = simulatedRoster(accounts);
	const grader = simulatedLab1Grader(latencyMs);
	// The mock keeps every call it answered; let them go so the harness does not grow.
	const forgetCalls = () => mocks.resetHistory();
	process.stdout.write(
		`Watching ${accounts} simulated accounts for ${rounds} rounds, every AWS call answering after ${latencyMs} ms, --concurrency ${concurrency} (Node ${process.versions.node})\n`,
	);

	// One `grade` run of the same cohort, for comparison.
	const gradeCohort = registerCohort(db, 'bench-grade', roster, new Date().toISOString());
	const { runId, lock } = startLockedRun(db, gradeCohort, {
		labs: ['lab1'],
		settings: {},
		plannedAccounts: accounts,
		now: new Date().toISOString(),
	});
	const graded = await gradeAccounts({
		db,
		runId,
		cohort: gradeCohort,
		targets: roster,
		labs: ['lab1'],
		gradeAccount: grader,
		concurrency,
		timeoutMs: 120_000,
		now: () => new Date(),
		onAccountRecorded: forgetCalls,
	}).finally(() => lock.release());
	const gradeWallMs = graded.summary.wallMs;
	process.stdout.write(
		`One grade run: ${(gradeWallMs / 1000).toFixed(2)} s, RSS ${mb(process.memoryUsage().rss)} MB\n`,
	);

	const cohort = registerCohort(db, 'bench-watch', roster, new Date().toISOString());
	const rows: { round: number; wallMs: number; viewMs: number; rssMb: number; heapMb: number }[] = [];
	const watch = createWatch({
		db,
		cohort,
		roster,
		labs: ['lab1'],
		columns: liveColumns(['lab1']),
		gradeAccount: grader,
		concurrency,
		timeoutMs: 120_000,
		everyMs: 0,
		stuckAfterMs: 15 * 60_000,
		graceMs: 60_000,
		maxRounds: rounds,
		settings: { watch: true },
		onAccountRecorded: forgetCalls,
		onRound: (round) => {
			const started = performance.now();
			watch.refresh();
			const viewMs = performance.now() - started;
			const memory = process.memoryUsage();
			rows.push({
				round: round.round,
				wallMs: round.wallMs,
				viewMs,
				rssMb: memory.rss / 1048576,
				heapMb: memory.heapUsed / 1048576,
			});
			process.stdout.write(
				`  round ${String(round.round).padStart(2)}: ${round.recorded}/${round.targets} graded in ${(round.wallMs / 1000).toFixed(2)} s ` +
					`(${((round.wallMs / gradeWallMs) * 100).toFixed(0)} % of one grade run), view ${viewMs.toFixed(0)} ms, ` +
					`RSS ${mb(memory.rss)} MB, heap ${mb(memory.heapUsed)} MB\n`,
			);
		},
	});
	await watch.run();
	const walls = rows.map((row) => row.wallMs);
	const firstFive = rows.slice(0, 5).map((row) => row.rssMb);
	const lastFive = rows.slice(-5).map((row) => row.rssMb);
	const mean = (list: number[]) => list.reduce((sum, value) => sum + value, 0) / Math.max(1, list.length);
	process.stdout.write(
		`Rounds: wall ${(Math.min(...walls) / 1000).toFixed(2)}–${(Math.max(...walls) / 1000).toFixed(2)} s (one grade run ${(gradeWallMs / 1000).toFixed(2)} s); ` +
			`RSS mean of rounds 1–5 ${mean(firstFive).toFixed(0)} MB, of the last 5 ${mean(lastFive).toFixed(0)} MB; ` +
			`view rebuild ${Math.min(...rows.map((row) => row.viewMs)).toFixed(0)}–${Math.max(...rows.map((row) => row.viewMs)).toFixed(0)} ms\n`,
	);
} finally {
	db.close();
	mocks.restore();
	rmSync(dir, { recursive: true, force: true });
}
