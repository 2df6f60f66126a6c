import { describe, expect, it } from 'vitest';
import { ProgressExportSchema, StoredProgressSchema } from '../../src/schemas/progress.ts';
import { createProgressExport, readProgressExport } from '../../src/utils/progress-export.ts';
import { PROGRESS_VERSION } from '../../src/utils/progress-rules.ts';
import { readStoredProgress } from '../../src/utils/progress-validate.ts';

const quiz = {
	answers: { 'm04-slo-vs-sla': ['a'], 'm04-budget-minutes': ['a', 'c'] },
	score: 1,
	maxScore: 6,
	completedAt: '2026-11-22T10:00:00.000Z',
	attempts: 2,
};

const grader = { score: 60, maxScore: 100, outcome: 'fail' as const, gradedAt: '2026-11-22T11:30:00.000Z' };

const valid = {
	version: PROGRESS_VERSION,
	learner: { id: 'ada', email: 'ada@example.com' },
	pages: { 'day-1/what-is-sre': { readAt: '2026-11-22T09:00:00.000Z' } },
	quizzes: { 'module-04': quiz, 'day-1': { ...quiz, score: 6 } },
	labs: {
		lab1: { doneAt: '2026-11-22T11:00:00Z' },
		lab2: { grader },
		lab3: { doneAt: '2026-11-22T12:00:00Z', grader },
	},
};

/** Documents the zod contract rejects; the browser validator must drop something from each of them. */
const invalid: Record<string, unknown> = {
	'score above maxScore': { ...valid, quizzes: { 'module-04': { ...quiz, score: 7 } } },
	'fractional score': { ...valid, quizzes: { 'module-04': { ...quiz, score: 1.5 } } },
	'maxScore of zero': { ...valid, quizzes: { 'module-04': { ...quiz, score: 0, maxScore: 0 } } },
	'zero attempts': { ...valid, quizzes: { 'module-04': { ...quiz, attempts: 0 } } },
	'option key that is not a letter': { ...valid, quizzes: { 'module-04': { ...quiz, answers: { q: ['1'] } } } },
	'empty answer list': { ...valid, quizzes: { 'module-04': { ...quiz, answers: { q: [] } } } },
	'local time instead of UTC': { ...valid, pages: { 'day-1/x': { readAt: '2026-11-22T09:00:00+01:00' } } },
	'impossible calendar date': { ...valid, pages: { 'day-1/x': { readAt: '2026-13-45T09:00:00Z' } } },
	'31 February': { ...valid, labs: { lab1: { doneAt: '2026-02-31T09:00:00.000Z' } } },
	'hour 24': { ...valid, pages: { 'day-1/x': { readAt: '2026-11-22T24:00:00Z' } } },
	'option keys out of order': { ...valid, quizzes: { 'module-04': { ...quiz, answers: { q: ['c', 'a'] } } } },
	'the same option key twice': { ...valid, quizzes: { 'module-04': { ...quiz, answers: { q: ['a', 'a'] } } } },
	'date without time': { ...valid, labs: { lab1: { doneAt: '2026-11-22' } } },
	'page id with capitals': { ...valid, pages: { 'Day-1/X': { readAt: '2026-11-22T09:00:00Z' } } },
	'extra field in an entry': { ...valid, labs: { lab1: { doneAt: '2026-11-22T09:00:00Z', grade: 'A' } } },
	'unknown top-level field': { ...valid, theme: 'dark' },
	'learner field too long': { ...valid, learner: { name: 'x'.repeat(201) } },
	'blank learner field': { ...valid, learner: { id: '   ' } },
	'section that is a list': { ...valid, pages: [] },
	'quiz entry that is a number': { ...valid, quizzes: { 'module-04': 3 } },
	'lab entry with neither mark nor grader result': { ...valid, labs: { lab1: {} } },
	'grader score above maxScore': { ...valid, labs: { lab1: { grader: { ...grader, score: 101 } } } },
	'grader outcome that is not pass, fail or error': {
		...valid,
		labs: { lab1: { grader: { ...grader, outcome: 'skipped' } } },
	},
	'grader result without a time': { ...valid, labs: { lab1: { grader: { ...grader, gradedAt: undefined } } } },
	'extra field in a grader result': { ...valid, labs: { lab1: { grader: { ...grader, messages: [] } } } },
};

describe('readStoredProgress (browser) agrees with StoredProgressSchema (contract)', () => {
	it('accepts a valid document unchanged, as zod does', () => {
		expect(StoredProgressSchema.parse(valid)).toEqual(valid);
		expect(readStoredProgress(valid)).toEqual({ progress: valid, discarded: 0 });
	});

	it('treats missing sections as empty, as zod does', () => {
		const minimal = { version: PROGRESS_VERSION };
		expect(StoredProgressSchema.parse(minimal)).toEqual(readStoredProgress(minimal).progress);
		expect(readStoredProgress(minimal).discarded).toBe(0);
	});

	for (const [name, document] of Object.entries(invalid)) {
		it(`drops the damage in a document with ${name}, which zod rejects`, () => {
			expect(StoredProgressSchema.safeParse(document).success).toBe(false);
			const { progress, discarded } = readStoredProgress(document);
			expect(discarded).toBeGreaterThan(0);
			// Whatever survives is valid by the contract.
			expect(StoredProgressSchema.safeParse(progress).success).toBe(true);
		});
	}

	it('keeps the valid entries next to a damaged one', () => {
		const { progress } = readStoredProgress(invalid['score above maxScore']);
		expect(Object.keys(progress.pages)).toEqual(['day-1/what-is-sre']);
		expect(progress.quizzes).toEqual({});
		expect(progress.learner).toEqual(valid.learner);
	});

	it('rejects documents of another version as a whole', () => {
		expect(readStoredProgress({ ...valid, version: PROGRESS_VERSION + 1 }).discarded).toBe(1);
		expect(readStoredProgress('nonsense').discarded).toBe(1);
		expect(readStoredProgress(null).progress.pages).toEqual({});
	});
});

describe('readProgressExport (browser) agrees with ProgressExportSchema (contract)', () => {
	const exported = createProgressExport(
		valid as Parameters<typeof createProgressExport>[0],
		new Date('2026-11-22T12:00:00Z'),
	);

	it('round-trips a fresh export, which zod also accepts', () => {
		expect(ProgressExportSchema.parse(exported)).toEqual(exported);
		expect(readProgressExport(JSON.parse(JSON.stringify(exported)))).toEqual({ ok: true, progress: valid });
	});

	const brokenExports: Record<string, unknown> = {
		'another format': { ...exported, format: 'something-else' },
		'a newer version': { ...exported, version: PROGRESS_VERSION + 1 },
		'a version 1 file whose lab carries a grader result': {
			...exported,
			version: 1,
			labs: { lab1: { doneAt: '2026-11-22T11:00:00Z', grader } },
		},
		'another course': { ...exported, course: { id: 'k8s-basics', title: 'K8s' } },
		'a bad timestamp': { ...exported, exportedAt: 'yesterday' },
		'an export date that does not exist': { ...exported, exportedAt: '2026-11-31T12:00:00.000Z' },
		'an unknown field': { ...exported, grades: {} },
		'an invalid learner': { ...exported, learner: { email: 42 } },
		...Object.fromEntries(
			Object.entries(invalid)
				.filter(([name]) => name !== 'unknown top-level field')
				.map(([name, document]) => [name, { ...exported, ...(document as object), version: PROGRESS_VERSION }]),
		),
	};

	for (const [name, document] of Object.entries(brokenExports)) {
		it(`refuses a file with ${name}, as zod does`, () => {
			expect(ProgressExportSchema.safeParse(document).success).toBe(false);
			const result = readProgressExport(document);
			expect(result.ok).toBe(false);
			if (!result.ok) expect(result.reason.length).toBeGreaterThan(10);
		});
	}

	it('explains a file from a newer site version', () => {
		expect(readProgressExport({ ...exported, version: 3 })).toEqual({
			ok: false,
			reason: 'This file has format version 3, which this site cannot read. Update the site or export again.',
		});
	});

	it('reads a version 1 file (labs marked by hand only) as the current version, as zod does', () => {
		const v1File = {
			format: 'sre-course-progress',
			version: 1,
			exportedAt: '2026-11-20T12:00:00.000Z',
			course: { id: 'sre-foundations-aws', title: 'SRE Foundations on AWS' },
			pages: valid.pages,
			quizzes: valid.quizzes,
			labs: { lab1: { doneAt: '2026-11-20T11:00:00.000Z' } },
		};
		const expected = { ...valid, learner: {}, labs: v1File.labs };
		expect(readProgressExport(v1File)).toEqual({ ok: true, progress: expected });
		expect(ProgressExportSchema.parse(v1File)).toEqual({ ...v1File, version: PROGRESS_VERSION });
	});
});
