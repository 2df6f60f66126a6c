/**
 * Cohort grading benchmark: grades N simulated learner accounts whose every AWS call (AssumeRole
 * included) answers after a fixed latency, once per concurrency level, each level in a fresh child
 * process so its peak memory is its own. The real engine runs end to end: the Lab 1 collectors and
 * checks, the SDK clients (answered by aws-sdk-client-mock), the cohort runner and the gradebook
 * (SQLite, gzip evidence, one transaction per account).
 *
 *   node scripts/bench-cohort.ts [--accounts 200] [--latency 50] [--concurrency 1,16]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gradeAccounts, registerCohort, startLockedRun } from '../graders/cohort/grade-cohort.ts';
import { openGradebook } from '../graders/gradebook/open-gradebook.ts';
import { completeLab1Account, mockLab1Account } from '../test/graders/support/lab1-account.ts';
import { simulatedLab1Grader, simulatedRoster } from './simulated-cohort.ts';

interface LevelResult {
	concurrency: number;
	accounts: number;
	wallMs: number;
	graded: number;
	errors: number;
	/** Accounts whose Lab 1 passed: the simulated account is complete, so all of them should. */
	passed: number;
	sdkCallsPerAccount: number;
	/** Processor time (user + system) spent during the run, per account. */
	cpuMsPerAccount: number;
	maxRssMb: number;
	peakHeapMb: number;
}

const { values } = parseArgs({
	options: {
		accounts: { type: 'string', default: '200' },
		latency: { type: 'string', default: '50' },
		concurrency: { type: 'string', default: '1,16' },
		child: { type: 'boolean', default: false },
	},
});
const accounts = Number(values.accounts);
const latencyMs = Number(values.latency);

/** One level, in this process: what the child runs. */
async function runLevel(concurrency: number): Promise<LevelResult> {
	const mocks = mockLab1Account(completeLab1Account(), { latencyMs });
	const dir = mkdtempSync(join(tmpdir(), 'bench-cohort-'));
	const db = openGradebook(join(dir, 'gradebook.sqlite'));
	let peakHeap = 0;
	const sampler = setInterval(() => {
		peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
	}, 100);
	try {
		const targets = simulatedRoster(accounts);
		const now = new Date().toISOString();
		const cohort = registerCohort(db, 'bench', targets, now);
		const { runId, lock } = startLockedRun(db, cohort, {
			labs: ['lab1'],
			settings: { concurrency },
			plannedAccounts: accounts,
			now,
		});
		const grader = simulatedLab1Grader(latencyMs);
		let errors = 0;
		let passed = 0;
		let sdkCalls = 0;
		const cpuBefore = process.cpuUsage();
		const { summary } = await gradeAccounts({
			db,
			runId,
			cohort,
			targets,
			labs: ['lab1'],
			gradeAccount: grader,
			concurrency,
			timeoutMs: 120_000,
			now: () => new Date(),
			onAccountRecorded: (done) => {
				// The mock keeps every call it answered; count them and let them go, so the harness's
				// memory does not grow with the number of accounts.
				sdkCalls += mocks.totalCalls();
				mocks.resetHistory();
				if (done.outcome.status === 'error') errors += 1;
				else if (done.outcome.results.every((result) => result.outcome === 'pass')) passed += 1;
			},
		}).finally(() => lock.release());
		const cpu = process.cpuUsage(cpuBefore);
		return {
			concurrency,
			accounts,
			wallMs: summary.wallMs,
			graded: summary.completed.length,
			errors,
			passed,
			sdkCallsPerAccount: (sdkCalls + mocks.totalCalls() + accounts) / accounts,
			cpuMsPerAccount: (cpu.user + cpu.system) / 1000 / accounts,
			maxRssMb: process.resourceUsage().maxRSS / 1024,
			peakHeapMb: peakHeap / 1024 / 1024,
		};
	} finally {
		clearInterval(sampler);
		db.close();
		mocks.restore();
		rmSync(dir, { recursive: true, force: true });
	}
}

if (values.child) {
	const result = await runLevel(Number(values.concurrency));
	process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
	const levels = values.concurrency.split(',').map(Number);
	const results: LevelResult[] = [];
	process.stdout.write(
		`Grading ${accounts} simulated accounts, every AWS call answering after ${latencyMs} ms (Node ${process.versions.node})\n`,
	);
	for (const concurrency of levels) {
		const output = execFileSync(
			process.execPath,
			[
				fileURLToPath(import.meta.url),
				'--child',
				'--accounts',
				String(accounts),
				'--latency',
				String(latencyMs),
				'--concurrency',
				String(concurrency),
			],
			{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 20 },
		);
		const result = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as LevelResult;
		results.push(result);
		process.stdout.write(
			`  --concurrency ${String(concurrency).padStart(3)}: ${(result.wallMs / 1000).toFixed(2).padStart(7)} s wall, ` +
				`${result.graded} graded (${result.passed} passed, ${result.errors} errors), ${result.sdkCallsPerAccount.toFixed(1)} SDK calls and ${result.cpuMsPerAccount.toFixed(1)} ms CPU per account, ` +
				`peak RSS ${result.maxRssMb.toFixed(0)} MB, peak heap ${result.peakHeapMb.toFixed(0)} MB\n`,
		);
	}
	const slowest = results[0];
	for (const result of results.slice(1)) {
		if (slowest) {
			process.stdout.write(
				`Speed-up of --concurrency ${result.concurrency} over ${slowest.concurrency}: ${(slowest.wallMs / result.wallMs).toFixed(1)}×\n`,
			);
		}
	}
}
