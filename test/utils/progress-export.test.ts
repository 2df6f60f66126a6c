import { describe, expect, it } from 'vitest';
import { ProgressExportSchema } from '../../src/schemas/progress.ts';
import { createProgressExport, exportFileName } from '../../src/utils/progress-export.ts';
import { emptyProgress } from '../../src/utils/progress-validate.ts';

const when = new Date('2026-11-22T17:30:00.000Z');

describe('createProgressExport', () => {
	it('writes the documented envelope, omitting an empty learner', () => {
		expect(createProgressExport(emptyProgress(), when)).toEqual({
			format: 'sre-course-progress',
			version: 2,
			exportedAt: '2026-11-22T17:30:00.000Z',
			course: { id: 'sre-foundations-aws', title: 'SRE Foundations on AWS' },
			pages: {},
			quizzes: {},
			labs: {},
		});
	});

	it('includes the learner the instructor matches on, and satisfies the contract', () => {
		const exported = createProgressExport(
			{ ...emptyProgress(), learner: { id: 'E1234', email: 'ada@example.com' } },
			when,
		);
		expect(exported.learner).toEqual({ id: 'E1234', email: 'ada@example.com' });
		expect(ProgressExportSchema.safeParse(exported).success).toBe(true);
	});
});

describe('exportFileName', () => {
	it('names the file after the learner and the date', () => {
		expect(exportFileName({ ...emptyProgress(), learner: { id: 'Ada Lovelace' } }, when)).toBe(
			'sre-course-progress-ada-lovelace-2026-11-22.json',
		);
		expect(exportFileName({ ...emptyProgress(), learner: { email: 'ada@example.com' } }, when)).toBe(
			'sre-course-progress-ada-example-com-2026-11-22.json',
		);
		expect(exportFileName(emptyProgress(), when)).toBe('sre-course-progress-2026-11-22.json');
	});
});
