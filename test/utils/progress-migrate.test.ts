import { describe, expect, it } from 'vitest';
import { migrateProgress, type ProgressMigration, progressMigrations } from '../../src/utils/progress-migrate.ts';

describe('migrateProgress', () => {
	it('passes a current document through', () => {
		const document = { version: 1, pages: {} };
		expect(migrateProgress(document)).toEqual({ kind: 'current', document });
	});

	it('has no migrations yet, because version 1 is the first published format', () => {
		expect(Object.keys(progressMigrations)).toEqual([]);
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
