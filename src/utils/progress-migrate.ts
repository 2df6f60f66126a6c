import { PROGRESS_VERSION } from './progress-rules.ts';
import { isPlainObject } from './progress-validate.ts';

/**
 * Upgrades a stored progress document written by an older version of the site, one version at a time.
 * `migrations[n]` turns a version-n document into a version-(n + 1) one, so every learner's saved
 * progress (and every exported file) is carried forward instead of being lost.
 */
export type ProgressMigration = (document: Record<string, unknown>) => Record<string, unknown>;

export const progressMigrations: Readonly<Record<number, ProgressMigration>> = {
	/**
	 * 1 → 2: lab entries gained an optional `grader` result and `doneAt` became optional. Every version 1
	 * lab entry (`{ doneAt }`) is a valid version 2 one, so only the version changes (stamped by the caller).
	 */
	1: (document) => ({ ...document }),
};

export type MigrationResult =
	| { kind: 'current'; document: Record<string, unknown> }
	| { kind: 'migrated'; document: Record<string, unknown>; from: number }
	/** Written by a newer site than this one: leave it alone rather than overwrite data we cannot read. */
	| { kind: 'newer'; version: number }
	| { kind: 'unreadable' };

export function migrateProgress(
	value: unknown,
	migrations: Readonly<Record<number, ProgressMigration>> = progressMigrations,
	currentVersion: number = PROGRESS_VERSION,
): MigrationResult {
	if (
		!isPlainObject(value) ||
		typeof value.version !== 'number' ||
		!Number.isInteger(value.version) ||
		value.version < 1
	) {
		return { kind: 'unreadable' };
	}
	const from = value.version;
	if (from > currentVersion) return { kind: 'newer', version: from };
	let document: Record<string, unknown> = value;
	for (let version = from; version < currentVersion; version += 1) {
		const step = migrations[version];
		if (!step) return { kind: 'unreadable' };
		document = { ...step(document), version: version + 1 };
	}
	return from === currentVersion ? { kind: 'current', document } : { kind: 'migrated', document, from };
}
