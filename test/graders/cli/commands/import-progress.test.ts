import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImportProgress } from '../../../../graders/cli/commands/import-progress.ts';
import { ensureCohort, upsertLearners } from '../../../../graders/gradebook/cohorts.ts';
import { openGradebook } from '../../../../graders/gradebook/open-gradebook.ts';
import type { ProgressExportInput } from '../../../../src/schemas/progress.ts';
import { fakeCliContext, scratchDirectory } from '../../support/cli-context.ts';

const now = '2026-11-22T13:00:00.000Z';
let scratch: ReturnType<typeof scratchDirectory>;
let gradebook: string;

function progressFile(
	learner: ProgressExportInput['learner'],
	quizzes: Record<string, [number, number]> = { 'day-1': [8, 10] },
): ProgressExportInput {
	return {
		format: 'sre-course-progress',
		version: 1,
		exportedAt: '2026-11-22T12:00:00.000Z',
		course: { id: 'sre-foundations-aws', title: 'SRE Foundations on AWS' },
		...(learner ? { learner } : {}),
		quizzes: Object.fromEntries(
			Object.entries(quizzes).map(([id, [score, maxScore]]) => [
				id,
				{ answers: { q1: ['a'] }, score, maxScore, completedAt: '2026-11-22T11:00:00.000Z', attempts: 1 },
			]),
		),
	};
}

function write(name: string, content: unknown): string {
	return scratch.file(name, typeof content === 'string' ? content : JSON.stringify(content));
}

function quizRows() {
	const db = openGradebook(gradebook);
	try {
		return db
			.prepare(
				'SELECT l.learner_key, c.name AS cohort, q.quiz_id, q.score, q.max_score FROM quiz_results q JOIN learners l ON l.id = q.learner_id JOIN cohorts c ON c.id = l.cohort_id ORDER BY l.learner_key, c.name',
			)
			.all();
	} finally {
		db.close();
	}
}

beforeEach(() => {
	scratch = scratchDirectory();
	gradebook = scratch.path('gradebook.sqlite');
	const db = openGradebook(gradebook);
	const spring = ensureCohort(db, 'spring-2026', now);
	const autumn = ensureCohort(db, 'autumn-2026', now);
	upsertLearners(
		db,
		spring.id,
		[
			{ learnerId: 'ana', name: 'Ana Lima', email: 'ana@example.org', accountId: '111111111111' },
			{ learnerId: 'ben', name: 'Ben Okafor', email: 'ben@example.org', accountId: '222222222222' },
		],
		now,
	);
	upsertLearners(
		db,
		autumn.id,
		[{ learnerId: 'ben', name: 'Ben Okafor', email: 'ben@example.org', accountId: '333333333333' }],
		now,
	);
	db.close();
});
afterEach(() => scratch.remove());

describe('import-progress', () => {
	it('imports quiz scores for the learner the file names, once', async () => {
		const file = write(
			'ana.json',
			progressFile(
				{ id: 'ana', name: 'Ana Lima', email: 'ANA@example.org' },
				{ 'day-1': [8, 10], 'module-04': [5, 6] },
			),
		);
		const cli = fakeCliContext();
		await runImportProgress([file], { gradebook }, cli.context);
		expect(cli.stdout()).toBe(`${file}: ana (Ana Lima): 2 quiz results, 2 new\n`);
		expect(cli.exitCode()).toBe(0);
		const again = fakeCliContext();
		await runImportProgress([file], { gradebook }, again.context);
		expect(again.stdout()).toContain('2 quiz results, 0 new');
		expect(quizRows()).toEqual([
			{ learner_key: 'ana', cohort: 'spring-2026', quiz_id: 'day-1', score: 8, max_score: 10 },
			{ learner_key: 'ana', cohort: 'spring-2026', quiz_id: 'module-04', score: 5, max_score: 6 },
		]);
	});

	it('rejects mismatched learners clearly and still imports the good files', async () => {
		const good = write('ana.json', progressFile({ id: 'ana' }));
		const wrongEmail = write('mixup.json', progressFile({ id: 'ana', email: 'ben@example.org' }));
		const stranger = write('stranger.json', progressFile({ id: 'zoe' }));
		const anonymous = write('anonymous.json', progressFile(undefined));
		const twoCohorts = write('ben.json', progressFile({ id: 'ben' }));
		const notProgress = write('other.json', { format: 'something-else' });
		const broken = write('broken.json', '{"format": "sre-course-progress", ');
		const wrongCourse = write('course.json', {
			...progressFile({ id: 'ana' }),
			course: { id: 'other-course', title: 'x' },
		});
		const cli = fakeCliContext();
		await runImportProgress(
			[good, wrongEmail, stranger, anonymous, twoCohorts, notProgress, broken, wrongCourse],
			{ gradebook },
			cli.context,
		);
		const errors = cli.stderr();
		expect(errors).toContain(
			`${wrongEmail}: rejected: learner "ana" has email ana@example.org in the roster, but the file says ben@example.org`,
		);
		expect(errors).toContain(`${stranger}: rejected: no learner with learner id "zoe" in the gradebook`);
		expect(errors).toContain(
			`${anonymous}: rejected: the file names no learner (no id or email); pass --learner <id> for it`,
		);
		expect(errors).toContain(
			`${twoCohorts}: rejected: learner id "ben" is in several cohorts (spring-2026, autumn-2026); pass --cohort`,
		);
		expect(errors).toContain(`${notProgress}: rejected: not a progress export from the course site`);
		expect(errors).toContain(`${broken}: rejected: not valid JSON`);
		expect(errors).toContain(`${wrongCourse}: rejected: invalid progress export at course.id`);
		expect(errors).toContain('7 of 8 files rejected; the others were imported.');
		expect(cli.exitCode()).toBe(64);
		expect(quizRows()).toHaveLength(1);
	});

	it('uses --learner and --cohort when the file cannot say', async () => {
		const anonymous = write('anonymous.json', progressFile(undefined));
		await runImportProgress([anonymous], { gradebook, learner: 'ana' }, fakeCliContext().context);
		const ben = write('ben.json', progressFile({ id: 'ben' }));
		await runImportProgress([ben], { gradebook, cohort: 'autumn-2026' }, fakeCliContext().context);
		expect(quizRows()).toEqual([
			{ learner_key: 'ana', cohort: 'spring-2026', quiz_id: 'day-1', score: 8, max_score: 10 },
			{ learner_key: 'ben', cohort: 'autumn-2026', quiz_id: 'day-1', score: 8, max_score: 10 },
		]);
		const cli = fakeCliContext();
		await runImportProgress(
			[write('ana2.json', progressFile({ id: 'ana' }))],
			{ gradebook, learner: 'ben' },
			cli.context,
		);
		expect(cli.stderr()).toContain('the file belongs to learner "ana", not "ben" as --learner says');
	});
});
