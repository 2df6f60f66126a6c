import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { loadSqlite } from './load-sqlite.ts';
import { migrations } from './schema.ts';

export type GradebookDb = DatabaseSync;

/**
 * Opens (creating when needed) the gradebook and brings its tables up to date. WAL lets a report be
 * read while a run is writing; the busy timeout lets two processes take turns instead of failing.
 */
export function openGradebook(path: string): GradebookDb {
	const inMemory = path === ':memory:';
	// The gradebook holds learners' names and emails: a new one is readable by its owner only
	// (SQLite gives its -wal and -shm files the same permissions).
	const isNew = !inMemory && !existsSync(path);
	if (!inMemory) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
	const { DatabaseSync } = loadSqlite();
	const db = new DatabaseSync(path, { enableForeignKeyConstraints: true });
	if (isNew) chmodSync(path, 0o600);
	db.exec('PRAGMA busy_timeout = 10000');
	if (!inMemory) db.exec('PRAGMA journal_mode = WAL');
	// NORMAL is durable for committed transactions in WAL mode except on power loss, which is fine
	// for a gradebook that can always be regraded; it makes each per-account commit cheap.
	db.exec('PRAGMA synchronous = NORMAL');
	migrate(db);
	return db;
}

function migrate(db: GradebookDb): void {
	const current = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
	if (current > migrations.length) {
		throw new Error(
			`the gradebook was written by a newer sre-lab (schema ${current}, this one knows ${migrations.length}); upgrade sre-lab`,
		);
	}
	for (let version = current; version < migrations.length; version++) {
		db.exec('BEGIN IMMEDIATE');
		try {
			db.exec(migrations[version] ?? '');
			db.exec(`PRAGMA user_version = ${version + 1}`);
			db.exec('COMMIT');
		} catch (error) {
			db.exec('ROLLBACK');
			throw error;
		}
	}
}
