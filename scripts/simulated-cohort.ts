/**
 * The simulated cohort both cohort benchmarks grade (scripts/bench-cohort.ts, scripts/bench-watch.ts):
 * a roster of N learners who all answer as the simulated Lab 1 account, and the real engine grader
 * whose AssumeRole, like every other SDK call, answers after the benchmark's latency.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { memoizeCredentials } from '../graders/cohort/account-credentials.ts';
import { createEngineGrader } from '../graders/cohort/engine-grader.ts';
import type { RosterEntry } from '../graders/cohort/roster.ts';
import { accountId, collectedAt, region } from '../test/graders/support/lab1-account.ts';

/** N learners; the simulated accounts all answer as the same account id, so the roster says so too. */
export function simulatedRoster(accounts: number): RosterEntry[] {
	return Array.from({ length: accounts }, (_, index) => ({
		line: index + 2,
		learnerId: `learner-${String(index).padStart(3, '0')}`,
		name: `Learner ${index}`,
		email: `learner-${index}@example.org`,
		accountId,
		roleArn: `arn:aws:iam::${accountId}:role/SreLabGrader`,
		region,
		externalId: 'bench',
	}));
}

/** The real Lab 1 engine grader; AssumeRole answers after `latencyMs`, as the mocked calls do. */
export function simulatedLab1Grader(latencyMs: number): ReturnType<typeof createEngineGrader> {
	return createEngineGrader({
		labs: ['lab1'],
		windowMs: 24 * 3_600_000,
		now: () => collectedAt,
		credentialsFor: () =>
			memoizeCredentials(async () => {
				await sleep(latencyMs);
				return { accessKeyId: 'ASIABENCHMARK0000000', secretAccessKey: 'bench', sessionToken: 'bench' };
			}),
	});
}
