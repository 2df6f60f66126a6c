import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { liveColumns } from '../../../graders/cli/commands/watch.ts';
import { openGradebook } from '../../../graders/gradebook/open-gradebook.ts';
import { scratchDirectory } from '../support/cli-context.ts';

const learners = 12;
const checksInLab1 = liveColumns(['lab1']).length;
let scratch: ReturnType<typeof scratchDirectory> | undefined;
afterEach(() => scratch?.remove());

function read<T>(path: string, sql: string): T[] {
	const db = openGradebook(path);
	try {
		return db.prepare(sql).all() as T[];
	} finally {
		db.close();
	}
}

/** Starts the child, waits until `before` accounts are stored, sends SIGINT, and returns its exit code. */
async function interruptMidRound(grace: string, before: number) {
	scratch = scratchDirectory();
	const rows = Array.from(
		{ length: learners },
		(_, i) => `l${String(i).padStart(2, '0')},L ${i},l${i}@example.org,${100000000000 + i}`,
	);
	const roster = scratch.file('cohort.csv', ['learner_id,name,email,account_id', ...rows].join('\n'));
	const gradebook = scratch.path('gradebook.sqlite');
	const child = spawn(
		process.execPath,
		[new URL('../support/watch-until-interrupted.ts', import.meta.url).pathname, roster, gradebook, grace],
		{ stdio: ['ignore', 'ignore', 'pipe'] },
	);
	let stderr = '';
	child.stderr.on('data', (chunk) => {
		stderr += String(chunk);
	});
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	const deadline = Date.now() + 20_000;
	let stored = 0;
	while (stored < before && Date.now() < deadline) {
		await sleep(20);
		try {
			stored = read(gradebook, 'SELECT id FROM account_gradings').length;
		} catch {
			// Not created yet.
		}
	}
	expect(stored, stderr).toBeGreaterThanOrEqual(before);
	child.kill('SIGINT');
	return { code: await exited, gradebook, stderr: () => stderr };
}

function expectEveryAttemptWhole(gradebook: string) {
	// Each recorded account has its attempt, and each graded attempt all its check results.
	const gradings = read<{ status: string; attempts: number; results: number }>(
		gradebook,
		`SELECT g.status, COUNT(DISTINCT a.id) AS attempts, COUNT(r.check_id) AS results
		FROM account_gradings g LEFT JOIN attempts a ON a.grading_id = g.id LEFT JOIN check_results r ON r.attempt_id = a.id
		GROUP BY g.id`,
	);
	for (const grading of gradings) {
		expect(grading.attempts).toBe(1);
		expect(grading.results).toBe(grading.status === 'graded' ? checksInLab1 : 0);
	}
	expect(read(gradebook, 'SELECT id FROM attempts WHERE grading_id NOT IN (SELECT id FROM account_gradings)')).toEqual(
		[],
	);
	// Nothing left for --resume, and no lock held by the dead process.
	expect(read(gradebook, 'SELECT id FROM runs WHERE finished_at IS NULL')).toEqual([]);
	expect(read(gradebook, 'SELECT name FROM locks')).toEqual([]);
	return gradings.length;
}

describe('watch, Ctrl-C mid-round', () => {
	it('finishes the round in flight within the grace and exits 0', async () => {
		const { code, gradebook, stderr } = await interruptMidRound('20s', 2);
		expect(code, stderr()).toBe(0);
		expect(expectEveryAttemptWhole(gradebook)).toBe(learners);
		expect(stderr()).toContain('Stopping: the round in flight finishes');
	}, 40_000);

	it('past the grace, drops the accounts still in flight, keeps every recorded one whole and exits 130', async () => {
		const { code, gradebook, stderr } = await interruptMidRound('1s', 2);
		expect(code, stderr()).toBe(130);
		const recorded = expectEveryAttemptWhole(gradebook);
		expect(recorded).toBeGreaterThanOrEqual(2);
		expect(recorded).toBeLessThan(learners);
		expect(stderr()).toContain('cut short by Ctrl-C');
	}, 40_000);
});
