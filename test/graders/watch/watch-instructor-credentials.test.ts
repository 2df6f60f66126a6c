import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GradeDependencies } from '../../../graders/cli/commands/grade.ts';
import { runWatch, type WatchCliOptions } from '../../../graders/cli/commands/watch.ts';
import { CannotGradeError } from '../../../graders/cli/io.ts';
import { createEngineGrader } from '../../../graders/cohort/engine-grader.ts';
import { openGradebook } from '../../../graders/gradebook/open-gradebook.ts';
import { fakeCliContext, scratchDirectory } from '../support/cli-context.ts';
import { type ExpiringInstructor, installExpiringInstructor } from '../support/expiring-instructor.ts';
import { collectedAt } from '../support/lab1-account.ts';

let scratch: ReturnType<typeof scratchDirectory>;
let instructor: ExpiringInstructor;
beforeEach(() => {
	scratch = scratchDirectory();
	instructor = installExpiringInstructor();
});
afterEach(() => {
	instructor.restore();
	scratch.remove();
});

const learners = ['ana', 'ben', 'cai', 'dee'];

function dependencies(): GradeDependencies {
	return {
		createGrader: async () =>
			createEngineGrader({
				labs: ['lab1'],
				windowMs: 24 * 3_600_000,
				now: () => collectedAt,
				masterCredentials: instructor.masterCredentials,
				stsClientConfig: { requestHandler: instructor.stsEndpoint },
			}),
		onInterrupt: () => () => {},
		progressStream: () => ({ write: () => true }),
	};
}

function options(): WatchCliOptions {
	return {
		roster: scratch.file(
			'spring.csv',
			[
				'learner_id,name,email,account_id',
				...learners.map((id, i) => `${id},${id},${id}@example.org,${200000000000 + i}`),
			].join('\n'),
		),
		roleName: 'SreLabGrader',
		externalId: 'spring-2026',
		region: 'eu-west-1',
		concurrency: '1',
		timeout: '30',
		gradebook: scratch.path('gradebook.sqlite'),
		every: '1s',
		stuckAfter: '15m',
		port: '0',
		host: '127.0.0.1',
		grace: '5s',
		rounds: '2',
	};
}

/** Every attempt recorded, per learner, with its outcome and the account's error kind. */
function recorded(): { learner: string; errorKind: string | null; outcome: string | null }[] {
	const db = openGradebook(scratch.path('gradebook.sqlite'));
	try {
		return db
			.prepare(
				`SELECT l.learner_key AS learner, g.error_kind AS errorKind, a.outcome AS outcome
				   FROM account_gradings g
				   JOIN learners l ON l.id = g.learner_id
				   LEFT JOIN attempts a ON a.grading_id = g.id
				  ORDER BY g.id`,
			)
			.all() as { learner: string; errorKind: string | null; outcome: string | null }[];
	} finally {
		db.close();
	}
}

describe('watch when the instructor’s own credentials expire during a round', () => {
	it('stops the round without recording an error for anyone, says whose credentials and what to do; a new watch finishes', async () => {
		// Ana is graded; the instructor's credentials expire while Ben's account is being read.
		instructor.expireAtFirstRenewalOf('ben', 'sts-expired-token');
		const cli = fakeCliContext();
		const stopped = runWatch('lab1', options(), cli.context, dependencies());
		await expect(stopped).rejects.toThrow(CannotGradeError);
		// Only Ana, who passed; no round was started after the stop.
		expect(recorded()).toEqual([{ learner: 'ana', errorKind: null, outcome: 'pass' }]);
		expect(cli.stderr()).toContain('Round 1 (run 1): 1 of 4 accounts graded');
		expect(cli.stderr()).not.toContain('Round 2');
		await expect(stopped).rejects.toThrow(
			/^stopped: your own AWS credentials failed while renewing the grader role session in account 200000000001: Your AWS credentials have expired .*\. Accounts this round had not finished were not recorded; once your credentials work again, start watch again: it grades every learner not yet complete\.$/,
		);

		instructor.signInAgain();
		const again = fakeCliContext();
		await runWatch('lab1', options(), again.context, dependencies());
		expect(again.exitCode()).toBe(0);
		expect(recorded()).toEqual(
			['ana', 'ben', 'cai', 'dee'].map((learner) => ({ learner, errorKind: null, outcome: 'pass' })),
		);
	});
});
