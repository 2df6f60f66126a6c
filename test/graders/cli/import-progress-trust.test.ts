import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../graders/cli/main.ts';
import { ensureCohort, upsertLearners } from '../../../graders/gradebook/cohorts.ts';
import { openGradebook } from '../../../graders/gradebook/open-gradebook.ts';
import { maxProgressFileBytes } from '../../../graders/gradebook/progress-trust.ts';
import type { ProgressExportInput } from '../../../src/schemas/progress.ts';
import { scratchDirectory } from '../support/cli-context.ts';

const clock = new Date('2026-11-26T12:00:00.000Z');
let scratch: ReturnType<typeof scratchDirectory>;
let gradebook: string;

async function run(argv: string[]) {
	let stdout = '';
	let stderr = '';
	const code = await main([...argv, '--gradebook', gradebook], {
		stdout: (text) => {
			stdout += text;
		},
		stderr: (text) => {
			stderr += text;
		},
		isTTY: false,
		env: {},
		now: () => clock,
	});
	return { code, stdout, stderr };
}

type Quiz = [score: number, maxScore: number, completedAt?: string];
function progress(learnerId: string, quizzes: Record<string, Quiz>, exportedAt = '2026-11-25T18:00:00.000Z') {
	const file: ProgressExportInput = {
		format: 'sre-course-progress',
		version: 1,
		exportedAt,
		course: { id: 'sre-foundations-aws', title: 'SRE Foundations on AWS' },
		learner: { id: learnerId },
		quizzes: Object.fromEntries(
			Object.entries(quizzes).map(([id, [score, maxScore, completedAt]]) => [
				id,
				{
					answers: { q1: ['a'] },
					score,
					maxScore,
					completedAt: completedAt ?? '2026-11-25T17:00:00.000Z',
					attempts: 1,
				},
			]),
		),
	};
	return scratch.file(`${learnerId}-${Object.keys(quizzes).join('+')}.json`, JSON.stringify(file));
}

function quizIds(): string[] {
	const db = openGradebook(gradebook);
	try {
		return (db.prepare('SELECT DISTINCT quiz_id FROM quiz_results ORDER BY 1').all() as { quiz_id: string }[]).map(
			(row) => row.quiz_id,
		);
	} finally {
		db.close();
	}
}

beforeEach(() => {
	scratch = scratchDirectory();
	gradebook = scratch.path('gradebook.sqlite');
	const db = openGradebook(gradebook);
	const cohort = ensureCohort(db, 'spring-2026', '2026-11-22T09:00:00.000Z');
	upsertLearners(
		db,
		cohort.id,
		[
			{ learnerId: 'ana', name: 'Ana', email: 'ana@example.org', accountId: '111111111111' },
			{ learnerId: 'ben', name: 'Ben', email: 'ben@example.org', accountId: '222222222222' },
		],
		'2026-11-22T09:00:00.000Z',
	);
	db.close();
});
afterEach(() => scratch.remove());

describe('import-progress trusts only what the course defines', () => {
	it('one learner’s made-up quizzes (zz-bonus-1..3) cannot change another learner’s completion', async () => {
		const ana = progress('ana', { 'module-01': [6, 6], 'day-1': [9, 10] });
		expect((await run(['import-progress', ana])).code).toBe(0);
		const before = await run(['report', '--format', 'json', '--require-labs', 'none']);
		const bonus = progress('ben', {
			'module-01': [6, 6],
			'zz-bonus-1': [0, 1],
			'zz-bonus-2': [0, 1],
			'zz-bonus-3': [0, 1],
		});
		const result = await run(['import-progress', bonus]);
		expect(result.code).toBe(64);
		for (const id of ['zz-bonus-1', 'zz-bonus-2', 'zz-bonus-3'])
			expect(result.stderr).toContain(
				`${bonus}: rejected: quizzes.${id}: not a quiz of this course (its quizzes are module-01 … module-13 and day-1 … day-3)`,
			);
		expect(quizIds()).toEqual(['day-1', 'module-01']);
		const after = await run(['report', '--format', 'json', '--require-labs', 'none']);
		const anaRow = (text: string) =>
			JSON.parse(text).rows.find((row: { learnerId: string }) => row.learnerId === 'ana');
		expect(anaRow(after.stdout).quizAveragePercent).toBe(anaRow(before.stdout).quizAveragePercent);
		expect(JSON.parse(after.stdout).quizzes).toEqual(['module-01', 'day-1']);
	});

	it('refuses more points than the quiz has questions (10^15 / 10^15), naming the field', async () => {
		const file = progress('ana', { 'module-04': [1e15, 1e15] });
		const result = await run(['import-progress', file]);
		expect(result.code).toBe(64);
		expect(result.stderr).toContain(
			`${file}: rejected: quizzes.module-04.maxScore: 1000000000000000 is more than the 11 questions of module-04`,
		);
		expect(quizIds()).toEqual([]);
	});

	it('refuses dates in the future (2099) and before the course existed', async () => {
		const future = progress('ana', { 'day-2': [8, 8, '2099-01-01T00:00:00.000Z'] }, '2099-01-01T00:00:00.000Z');
		const result = await run(['import-progress', future]);
		expect(result.code).toBe(64);
		expect(result.stderr).toContain(
			`${future}: rejected: exportedAt: 2099-01-01T00:00:00.000Z is in the future (this machine's clock says 2026-11-26T12:00:00.000Z)`,
		);
		expect(result.stderr).toContain(
			`${future}: rejected: quizzes.day-2.completedAt: 2099-01-01T00:00:00.000Z is in the future`,
		);
		const ancient = progress('ana', { 'day-3': [8, 8, '2001-01-01T00:00:00.000Z'] });
		expect((await run(['import-progress', ancient])).stderr).toContain(
			`${ancient}: rejected: quizzes.day-3.completedAt: 2001-01-01T00:00:00.000Z is before the course existed (2026-11-01)`,
		);
		const afterExport = progress('ana', { 'day-3': [8, 8, '2026-11-26T11:00:00.000Z'] }, '2026-11-25T18:00:00.000Z');
		expect((await run(['import-progress', afterExport])).stderr).toContain(
			'quizzes.day-3.completedAt: 2026-11-26T11:00:00.000Z is after the file was exported (2026-11-25T18:00:00.000Z)',
		);
		expect(quizIds()).toEqual([]);
	});

	it('accepts a learner clock a few minutes ahead', async () => {
		const file = progress('ana', { 'day-2': [7, 8, '2026-11-26T12:04:00.000Z'] }, '2026-11-26T12:05:00.000Z');
		expect((await run(['import-progress', file])).code).toBe(0);
		expect(quizIds()).toEqual(['day-2']);
	});

	it('refuses a file above the size limit before reading it (a huge file is never parsed)', async () => {
		const huge = scratch.path('huge.json');
		// Not even JSON: a size refusal, not a parse error, proves it was not parsed.
		writeFileSync(huge, Buffer.alloc(maxProgressFileBytes * 40, 0x7b));
		const result = await run(['import-progress', huge]);
		expect(result.code).toBe(64);
		expect(result.stderr).toContain(`${huge}: rejected: the file is 40 MiB, more than the 1 MiB this file can be`);
	});
});

describe('import-progress and rosters are UTF-8 text', () => {
	it('refuses a Latin-1 roster with the line, instead of storing mojibake', async () => {
		const roster = scratch.path('latin1.csv');
		writeFileSync(
			roster,
			Buffer.concat([
				Buffer.from('learner_id,name,email,account_id\nana,Ana,ana@example.org,111111111111\nzoe,Zo'),
				Buffer.from([0xeb]),
				Buffer.from(',zoe@example.org,333333333333\n'),
			]),
		);
		const result = await run(['import-progress', '--roster', roster]);
		expect(result.code).toBe(64);
		expect(result.stderr).toContain(
			`sre-lab: roster ${roster}: line 3: not valid UTF-8 (perhaps Latin-1 or Windows-1252); save it as UTF-8`,
		);
	});

	it('refuses a UTF-16 roster without printing its raw bytes', async () => {
		const roster = scratch.path('utf16.csv');
		writeFileSync(roster, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('learner_id,name\n', 'utf16le')]));
		const result = await run([
			'grade',
			'lab1',
			'--roster',
			roster,
			'--external-id',
			'x-course',
			'--region',
			'eu-west-1',
		]);
		expect(result.code).toBe(64);
		expect(result.stderr).toContain(`roster ${roster}: line 1: the file is UTF-16, not UTF-8`);
		expect(result.stderr).not.toContain('\u0000');
	});

	it('refuses a progress file with a NUL character, naming the line', async () => {
		const file = scratch.file('nul.json', '{\n"format": "sre-course-progress",\n"x": "a\u0000b"\n}');
		const result = await run(['import-progress', file]);
		expect(result.code).toBe(64);
		expect(result.stderr).toContain(`${file}: rejected: line 3: contains a NUL character`);
	});
});
