import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GradeDependencies } from '../../../graders/cli/commands/grade.ts';
import { runWatch, type WatchCliOptions } from '../../../graders/cli/commands/watch.ts';
import { CannotGradeError, UsageError } from '../../../graders/cli/io.ts';
import type { GradeAccount } from '../../../graders/cohort/account-outcome.ts';
import { cohortWatchLockName, registerCohort, takeLock } from '../../../graders/cohort/grade-cohort.ts';
import { openGradebook } from '../../../graders/gradebook/open-gradebook.ts';
import { fakeCliContext, scratchDirectory } from '../support/cli-context.ts';
import { simulatedAccounts } from '../support/watch-fixtures.ts';

let scratch: ReturnType<typeof scratchDirectory>;
beforeEach(() => {
	scratch = scratchDirectory();
});
afterEach(() => scratch.remove());

function dependencies(grader: GradeAccount): GradeDependencies {
	return {
		createGrader: async () => grader,
		onInterrupt: () => () => {},
		progressStream: ({ io }) => ({ write: (text: string) => io.stderr(text) }),
	};
}

function options(overrides: Partial<WatchCliOptions> = {}): WatchCliOptions {
	return {
		roster: scratch.file(
			'spring.csv',
			'learner_id,name,email,account_id\nana,Ana,ana@example.org,111111111111\nben,Ben,ben@example.org,222222222222\n',
		),
		roleName: 'SreLabGrader',
		externalId: 'spring-2026',
		region: 'eu-west-1',
		concurrency: '2',
		timeout: '5',
		gradebook: scratch.path('gradebook.sqlite'),
		every: '1s',
		stuckAfter: '15m',
		port: '0',
		host: '127.0.0.1',
		grace: '5s',
		rounds: '3',
		...overrides,
	};
}

describe('watch', () => {
	it('regrades only learners not yet complete, each round a run recorded in the gradebook', async () => {
		// Ana passes everything from her second grading on; Ben never gets further than one check.
		const accounts = simulatedAccounts((learnerId, call) => (learnerId === 'ana' && call >= 2 ? 99 : 1));
		const cli = fakeCliContext();
		await runWatch('lab1', options(), cli.context, dependencies(accounts.grade));
		expect(cli.exitCode()).toBe(0);
		expect(Object.fromEntries(accounts.calls)).toEqual({ ana: 2, ben: 3 });
		expect(cli.stdout()).toMatch(/^Live dashboard for spring: http:\/\/127\.0\.0\.1:\d+\/\n/);
		expect(cli.stderr()).toContain('Round 3 (run 3): 1 of 1 accounts graded');
		const db = openGradebook(options().gradebook as string);
		try {
			const runs = db.prepare('SELECT id, finished_at, settings FROM runs ORDER BY id').all() as {
				finished_at: string | null;
				settings: string;
			}[];
			expect(runs).toHaveLength(3);
			expect(runs.every((run) => run.finished_at !== null && JSON.parse(run.settings).watch === true)).toBe(true);
			expect((db.prepare('SELECT COUNT(*) AS n FROM attempts').get() as { n: number }).n).toBe(5);
			expect((db.prepare('SELECT COUNT(*) AS n FROM locks').get() as { n: number }).n).toBe(0);
		} finally {
			db.close();
		}
	});

	it('refuses a duration it cannot read, naming the flag', async () => {
		const cli = fakeCliContext();
		await expect(
			runWatch('lab1', options({ every: '2 minutes' }), cli.context, dependencies(simulatedAccounts(() => 0).grade)),
		).rejects.toThrow(/--every expects a duration such as 90s, 2m or 1h/);
	});

	it('refuses a port out of range before grading anything', async () => {
		const accounts = simulatedAccounts(() => 0);
		await expect(
			runWatch('lab1', options({ port: '70000' }), fakeCliContext().context, dependencies(accounts.grade)),
		).rejects.toThrow(UsageError);
		expect(accounts.calls.size).toBe(0);
	});

	it('stops with exit 2, naming the holder, while another live process watches the cohort', async () => {
		const db = openGradebook(options().gradebook as string);
		const cohort = registerCohort(db, 'spring', [], new Date().toISOString());
		// The parent process is alive, so the lock it "holds" cannot be taken over.
		const held = takeLock(
			db,
			cohortWatchLockName(cohort.cohortId),
			{ busy: 'x', takenOver: 'x' },
			{ pid: process.ppid, heartbeatEveryMs: 0 },
		);
		try {
			const accounts = simulatedAccounts(() => 0);
			const run = runWatch('lab1', options(), fakeCliContext().context, dependencies(accounts.grade));
			await expect(run).rejects.toThrow(CannotGradeError);
			await expect(run).rejects.toThrow(/^cohort spring is being graded by process \d+/);
			expect(accounts.calls.size).toBe(0);
		} finally {
			held.release();
			db.close();
		}
	});
});
