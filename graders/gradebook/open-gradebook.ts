import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { GradebookOpenError, sqliteOpenProblem } from './gradebook-open-error.ts';
import { loadSqlite } from './load-sqlite.ts';
import { migrations } from './schema.ts';

export type GradebookDb = DatabaseSync;

export interface OpenGradebookOptions {
	/**
	 * Refuse a path where no gradebook exists yet instead of creating an empty one. Commands that only
	 * read or add to existing runs (`report`, `regrade`) set it, so a mistyped path is an error, not an
	 * empty report.
	 */
	mustExist?: boolean;
	/**
	 * Create the gradebook's folder when it is missing (default true). The CLI creates it only for the
	 * default location (`.sre-lab/`); a missing folder in a path the user typed is more likely a typo.
	 */
	createFolder?: boolean;
}

/** How long a statement waits for another process's write lock before failing. */
export const busyTimeoutMs = 10_000;

/**
 * Opens (creating when needed) the gradebook and brings its tables up to date. WAL lets a report be
 * read while a run is writing; the busy timeout lets two processes take turns instead of failing.
 * Throws GradebookOpenError, naming the file, when the path cannot be a gradebook.
 */
export function openGradebook(path: string, options: OpenGradebookOptions = {}): GradebookDb {
	const inMemory = path === ':memory:';
	const isNew = !inMemory && checkPath(path, options);
	const { DatabaseSync } = loadSqlite();
	let db: GradebookDb | undefined;
	try {
		// The gradebook holds learners' names and emails: a new one is readable by its owner only
		// (SQLite gives its -wal and -shm files the same permissions).
		if (!inMemory && options.createFolder !== false) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
		db = new DatabaseSync(path, { enableForeignKeyConstraints: true });
		if (isNew) chmodSync(path, 0o600);
		// First, so that every statement below waits for a process that is creating the same file.
		db.exec(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
		const opened = db;
		whileBusy(() => {
			if (!inMemory) opened.exec('PRAGMA journal_mode = WAL');
			// NORMAL is durable for committed transactions in WAL mode except on power loss, which is fine
			// for a gradebook that can always be regraded; it makes each per-account commit cheap.
			opened.exec('PRAGMA synchronous = NORMAL');
			migrate(opened);
		});
		return db;
	} catch (error) {
		db?.close();
		if (error instanceof GradebookOpenError) throw error;
		throw sqliteOpenProblem(path, error);
	}
}

/** Refuses paths that are the user's mistake before SQLite sees them; returns whether the file is new. */
function checkPath(path: string, options: OpenGradebookOptions): boolean {
	let stats: ReturnType<typeof statSync> | undefined;
	try {
		stats = statSync(path);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOTDIR')
			throw new GradebookOpenError(path, 'a part of its folder path is a file, not a folder', true);
		if (code !== 'ENOENT') throw new GradebookOpenError(path, `cannot read it (${code})`, false);
	}
	if (stats?.isDirectory())
		throw new GradebookOpenError(path, 'it is a folder; give the path of the gradebook file inside it', true);
	const folder = dirname(path);
	if (!stats && options.mustExist) {
		throw new GradebookOpenError(
			path,
			existsSync(folder)
				? 'there is no gradebook at this path (check --gradebook or SRE_LAB_GRADEBOOK; `sre-lab grade` or `sre-lab import-progress` creates one)'
				: `its folder ${folder} does not exist (check --gradebook or SRE_LAB_GRADEBOOK)`,
			true,
		);
	}
	if (!stats && options.createFolder === false && !existsSync(folder)) {
		throw new GradebookOpenError(
			path,
			`its folder ${folder} does not exist; check the path, or create the folder first`,
			true,
		);
	}
	return !stats;
}

const sqliteBusy = 5;

/**
 * Runs `step` again while SQLite answers SQLITE_BUSY without waiting, for at most the busy timeout.
 * The busy handler does not cover every case: switching a file that another process is creating to
 * WAL, or starting a transaction while that process recovers the WAL, fail at once (seen with four
 * processes opening a new gradebook together on a loaded machine).
 */
function whileBusy(step: () => void): void {
	const deadline = Date.now() + busyTimeoutMs;
	for (let attempt = 1; ; attempt++) {
		try {
			step();
			return;
		} catch (error) {
			const errcode = (error as { errcode?: unknown }).errcode;
			const busy = typeof errcode === 'number' && (errcode & 0xff) === sqliteBusy;
			if (!busy || Date.now() >= deadline) throw error;
			// A synchronous pause (openGradebook is synchronous), growing to 200 ms, with jitter so that
			// processes that collided do not collide again.
			const pauseMs = Math.min(200, 10 * attempt) * (0.5 + Math.random());
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pauseMs);
		}
	}
}

/**
 * Reads the schema version and migrates inside one IMMEDIATE transaction: two processes opening a
 * fresh gradebook at once would otherwise both read version 0 and both create the tables. The
 * second waits (busy timeout), then reads the version the first one wrote.
 */
function migrate(db: GradebookDb): void {
	db.exec('BEGIN IMMEDIATE');
	try {
		const current = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
		if (current > migrations.length) {
			throw new GradebookOpenError(
				db.location() ?? ':memory:',
				`it was written by a newer sre-lab (schema ${current}, this one knows ${migrations.length}); upgrade sre-lab`,
				false,
			);
		}
		for (let version = current; version < migrations.length; version++) db.exec(migrations[version] ?? '');
		if (current < migrations.length) db.exec(`PRAGMA user_version = ${migrations.length}`);
		db.exec('COMMIT');
	} catch (error) {
		db.exec('ROLLBACK');
		throw error;
	}
}
