import type * as Sqlite from 'node:sqlite';

let quieted = false;

/**
 * Node 22 prints "ExperimentalWarning: SQLite is an experimental feature" the first time node:sqlite is
 * loaded. Instructors should see a clean terminal, so this drops exactly that warning and hands every
 * other warning to the listeners Node had installed (which print it as usual).
 */
function quietSqliteWarning(): void {
	if (quieted) return;
	quieted = true;
	const original = process.listeners('warning');
	process.removeAllListeners('warning');
	process.on('warning', (warning: Error) => {
		if (isSqliteExperimentalWarning(warning)) return;
		for (const listener of original) listener.call(process, warning);
	});
}

export function isSqliteExperimentalWarning(warning: Error): boolean {
	return warning.name === 'ExperimentalWarning' && /\bSQLite\b/.test(warning.message);
}

/**
 * node:sqlite, loaded synchronously after the warning filter is in place (a static import would load
 * it before any code of ours runs).
 */
export function loadSqlite(): typeof Sqlite {
	quietSqliteWarning();
	const sqlite = process.getBuiltinModule('node:sqlite');
	if (!sqlite) {
		throw new Error(
			`node:sqlite is not available in Node ${process.versions.node}; the gradebook needs Node 22.13 or later`,
		);
	}
	return sqlite;
}
