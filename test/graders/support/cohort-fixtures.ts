import type { RosterEntry } from '../../../graders/cohort/roster.ts';
import type { CheckResult, LabResult, Snapshot } from '../../../graders/engine/types.ts';

/** `count` valid roster entries with distinct learners and accounts. */
export function fakeRosterEntries(count: number): RosterEntry[] {
	return Array.from({ length: count }, (_, index) => {
		const accountId = String(100000000000 + index);
		return {
			line: index + 2,
			learnerId: `learner-${index}`,
			name: `Learner ${index}`,
			email: `learner-${index}@example.org`,
			accountId,
			roleArn: `arn:aws:iam::${accountId}:role/SreLabGrader`,
			region: 'eu-west-1',
			externalId: 'course',
		};
	});
}

export function fakeSnapshot(
	accountId: string,
	collectedAt = '2026-03-02T10:00:00.000Z',
	reads: Snapshot['reads'] = {},
): Snapshot {
	return {
		format: 'sre-lab-snapshot',
		version: 1,
		accountId,
		region: 'eu-west-1',
		collectedAt,
		window: { since: '2026-03-01T10:00:00.000Z', until: collectedAt },
		reads,
	};
}

export function fakeCheck(id: string, status: CheckResult['status'], step = 1, points = 10): CheckResult {
	return {
		id,
		title: `Check ${id}`,
		step,
		points,
		earned: status === 'pass' ? points : 0,
		status,
		message: status === 'pass' ? `${id} is done` : `${id} is not done`,
		hint: status === 'pass' ? undefined : `do ${id}`,
		evidence: [`resource-of-${id}`],
	};
}

/** A lab result whose checks have the given statuses, scored the way the engine scores. */
export function fakeLabResult(
	lab: string,
	accountId: string,
	statuses: readonly CheckResult['status'][],
	collectedAt = '2026-03-02T10:00:00.000Z',
	gradedAt = collectedAt,
): LabResult {
	const checks = statuses.map((status, index) => fakeCheck(`${lab}-check-${index + 1}`, status, index + 1));
	const score = checks.reduce((sum, check) => sum + check.earned, 0);
	const maxScore = checks.reduce((sum, check) => sum + check.points, 0);
	const outcome = statuses.includes('error') ? 'error' : score === maxScore ? 'pass' : 'fail';
	return {
		format: 'sre-lab-result',
		version: 1,
		lab,
		title: `Lab ${lab}`,
		accountId,
		region: 'eu-west-1',
		gradedAt,
		collectedAt,
		score,
		maxScore,
		outcome,
		checks,
	};
}
