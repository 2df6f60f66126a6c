import type { GradebookDb } from './open-gradebook.ts';

/**
 * Runs `work` in one IMMEDIATE transaction: the write lock is taken up front, so a second process
 * waits (busy timeout) instead of failing half-way, and either everything `work` wrote is kept or
 * nothing is. `work` must be synchronous: node:sqlite is, and an await inside would let other
 * writes interleave with this transaction.
 */
export function inTransaction<T>(db: GradebookDb, work: () => T): T {
	db.exec('BEGIN IMMEDIATE');
	try {
		const result = work();
		db.exec('COMMIT');
		return result;
	} catch (error) {
		db.exec('ROLLBACK');
		throw error;
	}
}
