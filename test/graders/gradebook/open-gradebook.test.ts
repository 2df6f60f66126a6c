import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { GradebookOpenError } from '../../../graders/gradebook/gradebook-open-error.ts';
import { openGradebook } from '../../../graders/gradebook/open-gradebook.ts';
import { migrations } from '../../../graders/gradebook/schema.ts';
import { scratchDirectory } from '../support/cli-context.ts';

let scratch: ReturnType<typeof scratchDirectory>;
afterEach(() => scratch?.remove());

function openError(path: string, options?: { mustExist?: boolean }): GradebookOpenError {
	try {
		openGradebook(path, options).close();
	} catch (error) {
		if (error instanceof GradebookOpenError) return error;
		throw error;
	}
	throw new Error(`expected ${path} to be refused`);
}

describe('openGradebook: a path that cannot be a gradebook is named, as the user’s mistake', () => {
	it('refuses a folder', () => {
		scratch = scratchDirectory();
		const folder = scratch.path('gradebooks');
		mkdirSync(folder);
		const error = openError(folder);
		expect(error.userMistake).toBe(true);
		expect(error.message).toBe(
			`cannot open the gradebook ${folder}: it is a folder; give the path of the gradebook file inside it`,
		);
	});

	it('refuses a file that is not a SQLite database, and leaves it alone', () => {
		scratch = scratchDirectory();
		const path = scratch.file('roster.csv', `learner_id,name,email,account_id\n${'x,'.repeat(400)}\n`);
		const error = openError(path);
		expect(error.userMistake).toBe(true);
		expect(error.message).toContain(`cannot open the gradebook ${path}: it is not an sre-lab gradebook`);
		expect(existsSync(`${path}-wal`)).toBe(false);
	});

	it('refuses a path under a file', () => {
		scratch = scratchDirectory();
		const file = scratch.file('plain.txt', 'x');
		const error = openError(`${file}/gradebook.sqlite`);
		expect(error.userMistake).toBe(true);
		expect(error.message).toContain(`${file}/gradebook.sqlite`);
	});

	it('with mustExist, refuses a missing file or folder instead of creating an empty gradebook', () => {
		scratch = scratchDirectory();
		const missing = scratch.path('gradbook.sqlite');
		expect(openError(missing, { mustExist: true }).message).toContain('there is no gradebook at this path');
		expect(existsSync(missing)).toBe(false);
		const noFolder = scratch.path('nope/gradebook.sqlite');
		expect(openError(noFolder, { mustExist: true }).message).toContain(
			`its folder ${scratch.path('nope')} does not exist`,
		);
		expect(existsSync(scratch.path('nope'))).toBe(false);
	});

	it('refuses a gradebook from a newer sre-lab, naming the file', () => {
		scratch = scratchDirectory();
		const path = scratch.path('gradebook.sqlite');
		const db = openGradebook(path);
		db.exec(`PRAGMA user_version = ${migrations.length + 1}`);
		db.close();
		const error = openError(path);
		expect(error.userMistake).toBe(false);
		expect(error.message).toContain(`cannot open the gradebook ${path}: it was written by a newer sre-lab`);
	});
});

/** Opens the same fresh gradebook from `count` processes started together; returns their exit codes and stderr. */
async function openFromProcesses(path: string, count: number): Promise<{ code: number | null; stderr: string }[]> {
	const script = new URL('./support/open-gradebook-child.ts', import.meta.url).pathname;
	// Each child loads Node and SQLite first, then all open at this moment.
	const startAt = String(Date.now() + 1500);
	return Promise.all(
		Array.from({ length: count }, () => {
			const child = spawn(process.execPath, [script, path, startAt], { stdio: ['ignore', 'ignore', 'pipe'] });
			let stderr = '';
			child.stderr.on('data', (chunk) => {
				stderr += String(chunk);
			});
			return new Promise<{ code: number | null; stderr: string }>((resolve) =>
				child.once('exit', (code) => resolve({ code, stderr })),
			);
		}),
	);
}

describe('openGradebook from several processes at once', () => {
	// Before the schema version was read inside the migration's transaction, about 1 in 60 rounds
	// failed with "table cohorts already exists".
	it('migrates a fresh gradebook exactly once: every process opens it', async () => {
		scratch = scratchDirectory();
		for (let round = 0; round < 6; round++) {
			const path = scratch.path(`round-${round}.sqlite`);
			const results = await openFromProcesses(path, 4);
			expect(
				results.map((result) => result.stderr.replace(/.*ExperimentalWarning.*\n?|.*trace-warnings.*\n?/g, '')),
			).toEqual(['', '', '', '']);
			expect(results.map((result) => result.code)).toEqual([0, 0, 0, 0]);
			const db = openGradebook(path);
			expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: migrations.length });
			db.close();
		}
	}, 60_000);
});

describe('migration inside the lock, in one process', () => {
	it('a second connection opening while the first holds the write lock waits and sees the migrated schema', () => {
		scratch = scratchDirectory();
		const path = scratch.path('gradebook.sqlite');
		writeFileSync(path, '');
		const first = openGradebook(path);
		const second = openGradebook(path);
		expect(second.prepare('PRAGMA user_version').get()).toEqual({ user_version: migrations.length });
		first.close();
		second.close();
	});
});
