import { describe, expect, it } from 'vitest';
import { StoredProgressSchema } from '../../src/schemas/progress.ts';
import { migrateProgress, type ProgressMigration, progressMigrations } from '../../src/utils/progress-migrate.ts';
import { PROGRESS_VERSION } from '../../src/utils/progress-rules.ts';
import { readStoredProgress } from '../../src/utils/progress-validate.ts';

describe('migrateProgress', () => {
	it('passes a current document through', () => {
		const document = { version: PROGRESS_VERSION, pages: {} };
		expect(migrateProgress(document)).toEqual({ kind: 'current', document });
	});

	it('has a step from every earlier version to the current one', () => {
		expect(Object.keys(progressMigrations).map(Number)).toEqual([1]);
		expect(PROGRESS_VERSION).toBe(2);
	});

	it('carries a version 1 document (labs marked by hand) into version 2 without losing an entry', () => {
		const v1 = {
			version: 1,
			learner: { id: 'ada' },
			pages: { 'day-1/what-is-sre': { readAt: '2026-11-20T09:00:00.000Z' } },
			quizzes: {},
			labs: { lab1: { doneAt: '2026-11-20T11:00:00.000Z' } },
		};
		const migration = migrateProgress(v1);
		expect(migration).toEqual({ kind: 'migrated', from: 1, document: { ...v1, version: 2 } });
		if (migration.kind !== 'migrated') return;
		expect(readStoredProgress(migration.document)).toEqual({ progress: { ...v1, version: 2 }, discarded: 0 });
		expect(StoredProgressSchema.parse(migration.document)).toEqual({ ...v1, version: 2 });
	});

	it('applies each step in order and stamps the new version', () => {
		// A made-up history: v1 kept read pages as a list, v2 as a map, v3 renamed "done" to "labs".
		const migrations: Record<number, ProgressMigration> = {
			1: (document) => ({
				...document,
				pages: Object.fromEntries((document.pages as string[]).map((id) => [id, { readAt: '2026-01-01T00:00:00Z' }])),
			}),
			2: ({ done, ...rest }) => ({ ...rest, labs: done }),
		};
		const result = migrateProgress({ version: 1, pages: ['index'], done: { lab1: {} } }, migrations, 3);
		expect(result).toEqual({
			kind: 'migrated',
			from: 1,
			document: { version: 3, pages: { index: { readAt: '2026-01-01T00:00:00Z' } }, labs: { lab1: {} } },
		});
	});

	it('refuses to guess when a step is missing', () => {
		expect(migrateProgress({ version: 1 }, {}, 2)).toEqual({ kind: 'unreadable' });
	});

	it('recognises data from a newer version so it is not overwritten', () => {
		expect(migrateProgress({ version: 5 })).toEqual({ kind: 'newer', version: 5 });
	});

	it('calls anything without a usable version unreadable', () => {
		for (const value of [null, 'x', [], {}, { version: '1' }, { version: 0 }, { version: 1.5 }]) {
			expect(migrateProgress(value)).toEqual({ kind: 'unreadable' });
		}
	});
});
