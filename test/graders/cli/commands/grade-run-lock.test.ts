import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureCohort, upsertLearners } from '../../../../graders/gradebook/cohorts.ts';
import { openGradebook } from '../../../../graders/gradebook/open-gradebook.ts';
import { startRun } from '../../../../graders/gradebook/runs.ts';
import { scratchDirectory } from '../../support/cli-context.ts';

const learners = 16;
let scratch: ReturnType<typeof scratchDirectory> | undefined;
const children: ChildProcess[] = [];
afterEach(() => {
	// A failed expectation must not leave a child waiting for its go signal.
	for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
	scratch?.remove();
});

function resumeInChild(roster: string, gradebook: string, log: string): Promise<{ code: number; stderr: string }> {
	const script = new URL('../../support/grade-resume-child.ts', import.meta.url).pathname;
	const child = spawn(process.execPath, [script, roster, gradebook, log], { stdio: ['ignore', 'pipe', 'pipe'] });
	children.push(child);
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk) => {
		stdout += String(chunk);
	});
	child.stderr.on('data', (chunk) => {
		stderr += String(chunk);
	});
	return new Promise((resolve, reject) =>
		child.once('exit', () => {
			try {
				resolve(JSON.parse(stdout));
			} catch {
				reject(new Error(`the child printed no result; its stderr: ${stderr}`));
			}
		}),
	);
}

describe('grade --resume of one run from two processes at once', () => {
	it('lets one grade the run and stops the other (exit 2) naming the holder, with no account graded twice', async () => {
		scratch = scratchDirectory();
		const rows = Array.from(
			{ length: learners },
			(_, i) => `l${String(i).padStart(2, '0')},L ${i},l${i}@example.org,${100000000000 + i}`,
		);
		const roster = scratch.file('cohort.csv', ['learner_id,name,email,account_id', ...rows].join('\n'));
		const gradebook = scratch.path('gradebook.sqlite');
		const log = scratch.file('graded.log', '');
		// An unfinished run of the cohort with nothing graded yet, as an interrupted `grade` leaves it.
		const db = openGradebook(gradebook);
		const now = new Date().toISOString();
		const cohort = ensureCohort(db, 'cohort', now);
		upsertLearners(
			db,
			cohort.id,
			rows.map((row) => {
				const [learnerId, name, email, accountId] = row.split(',') as [string, string, string, string];
				return { learnerId, name, email, accountId };
			}),
			now,
		);
		startRun(db, { cohortId: cohort.id, kind: 'grade', labs: ['lab1'], settings: {}, plannedAccounts: learners, now });
		db.close();

		// The first process starts grading (each account waits until the test says go) ...
		const first = resumeInChild(roster, gradebook, log);
		const deadline = Date.now() + 20_000;
		while (readFileSync(log, 'utf8') === '' && Date.now() < deadline) await sleep(20);
		// ... while a second one tries to resume the same run.
		const loser = await resumeInChild(roster, gradebook, log);
		writeFileSync(`${log}.go`, '');
		const winner = await first;
		expect(winner).toEqual({ code: 0, stderr: 'Resuming run 1: 0 accounts already graded, 16 to go.\n' });
		expect(loser.code).toBe(2);
		expect(loser.stderr).toMatch(
			/^sre-lab: run 1 of cohort is being graded by process \d+ on \S+ since \S+ \(last heartbeat \S+\); nothing was graded\. Wait for it to finish \(or stop it\), then run this command again\.\n$/,
		);
		expect(loser.stderr).not.toContain('UNIQUE');
		// The AWS work (here: the fake grader) was done once per account.
		const graded = readFileSync(log, 'utf8').trim().split('\n');
		expect(graded.toSorted()).toEqual(rows.map((row) => row.split(',')[0]));

		const check = openGradebook(gradebook);
		expect(check.prepare('SELECT COUNT(*) AS n FROM account_gradings').get()).toEqual({ n: learners });
		expect(check.prepare('SELECT finished_at IS NOT NULL AS finished FROM runs').get()).toEqual({ finished: 1 });
		// The lock is released at the end.
		expect(check.prepare('SELECT COUNT(*) AS n FROM locks').get()).toEqual({ n: 0 });
		check.close();
	}, 60_000);
});
