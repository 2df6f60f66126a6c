import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runGrade } from '../../../../graders/cli/commands/grade.ts';
import { runImportProgress } from '../../../../graders/cli/commands/import-progress.ts';
import { UsageError } from '../../../../graders/cli/io.ts';
import { ensureCohort, upsertLearners } from '../../../../graders/gradebook/cohorts.ts';
import { openGradebook } from '../../../../graders/gradebook/open-gradebook.ts';
import type { ProgressExportInput } from '../../../../src/schemas/progress.ts';
import { fakeCliContext, scratchDirectory } from '../../support/cli-context.ts';
import { fakeLabResult, fakeSnapshot } from '../../support/cohort-fixtures.ts';

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

describe('import-progress --roster', () => {
	// The same roster grade takes, but without region or external_id: enrolling needs neither.
	const roster = () =>
		scratch.file(
			'summer-2026.csv',
			[
				'learner_id,name,email,account_id',
				'ben,Ben Okafor,ben@example.org,444444444444',
				'cy,Cy Tran,cy@example.org,555555555555',
			].join('\n'),
		);

	function learnerCounts() {
		const db = openGradebook(gradebook);
		try {
			return db
				.prepare(
					'SELECT c.name AS cohort, COUNT(l.id) AS learners FROM cohorts c LEFT JOIN learners l ON l.cohort_id = c.id GROUP BY c.name ORDER BY c.name',
				)
				.all();
		} finally {
			db.close();
		}
	}

	it('enrols the cohort first, so progress imports before any grading and grading finds the same learners', async () => {
		const cli = fakeCliContext();
		const rosterFile = roster();
		await runImportProgress(
			[
				write('cy.json', progressFile({ id: 'cy', email: 'cy@example.org' })),
				write('ben.json', progressFile({ id: 'ben' })),
			],
			{ gradebook, roster: rosterFile },
			cli.context,
		);
		expect(cli.stderr()).toBe('');
		expect(cli.exitCode()).toBe(0);
		expect(cli.stdout()).toContain(`${rosterFile}: 2 learners in cohort summer-2026`);
		// Ben is in three cohorts now; the roster names the one his file belongs to.
		expect(quizRows()).toEqual([
			{ learner_key: 'ben', cohort: 'summer-2026', quiz_id: 'day-1', score: 8, max_score: 10 },
			{ learner_key: 'cy', cohort: 'summer-2026', quiz_id: 'day-1', score: 8, max_score: 10 },
		]);

		await runGrade(
			'lab1',
			{
				roster: rosterFile,
				roleName: 'SreLabGrader',
				externalId: 'summer-2026',
				region: 'eu-west-1',
				concurrency: '2',
				timeout: '5',
				gradebook,
			},
			fakeCliContext().context,
			{
				createGrader: async () => async (target) => ({
					snapshot: fakeSnapshot(target.accountId),
					results: [fakeLabResult('lab1', target.accountId, ['pass'])],
				}),
				onInterrupt: () => () => {},
				progressStream: () => ({ write: () => {} }),
			},
		);
		expect(learnerCounts()).toEqual([
			{ cohort: 'autumn-2026', learners: 1 },
			{ cohort: 'spring-2026', learners: 2 },
			{ cohort: 'summer-2026', learners: 2 },
		]);
		const db = openGradebook(gradebook);
		const graded = db
			.prepare(
				`SELECT l.learner_key, COUNT(DISTINCT a.id) AS attempts, COUNT(DISTINCT q.id) AS quizzes FROM learners l
				JOIN cohorts c ON c.id = l.cohort_id AND c.name = 'summer-2026'
				LEFT JOIN attempts a ON a.learner_id = l.id LEFT JOIN quiz_results q ON q.learner_id = l.id
				GROUP BY l.learner_key ORDER BY l.learner_key`,
			)
			.all();
		db.close();
		expect(graded).toEqual([
			{ learner_key: 'ben', attempts: 1, quizzes: 1 },
			{ learner_key: 'cy', attempts: 1, quizzes: 1 },
		]);
	});

	it('enrols a roster without any progress file, under the cohort named by --cohort', async () => {
		const cli = fakeCliContext();
		await runImportProgress([], { gradebook, roster: roster(), cohort: 'summer-a' }, cli.context);
		expect(cli.stdout()).toContain('2 learners in cohort summer-a');
		expect(learnerCounts()).toContainEqual({ cohort: 'summer-a', learners: 2 });
		await expect(runImportProgress([], { gradebook }, fakeCliContext().context)).rejects.toThrow(
			'name the progress files to import, or pass --roster',
		);
	});

	it('reports every bad roster row with its line and imports nothing', async () => {
		const bad = scratch.file(
			'broken.csv',
			[
				'learner_id,name,email,account_id',
				'ok,Ok Person,ok@example.org,666666666666',
				'cy,Cy Tran,not-an-email,555555555555',
				'dee,Dee,dee@example.org,12345',
			].join('\n'),
		);
		const cli = fakeCliContext();
		await expect(
			runImportProgress([write('ok.json', progressFile({ id: 'ok' }))], { gradebook, roster: bad }, cli.context),
		).rejects.toThrow(new UsageError('the roster has 2 problems; nothing was imported. Fix them and run again'));
		expect(cli.stderr()).toContain(`${bad}:3: email is not a valid address`);
		expect(cli.stderr()).toContain(`${bad}:4: account_id must be 12 digits`);
		expect(learnerCounts()).toEqual([
			{ cohort: 'autumn-2026', learners: 1 },
			{ cohort: 'spring-2026', learners: 2 },
		]);
		expect(quizRows()).toEqual([]);
	});
});
