import { describe, expect, it } from 'vitest';
import type { LiveAttempt, LiveData, LiveLearner } from '../../../graders/watch/live-data.ts';
import { buildLiveView, lastProgressOf, learnerDetail } from '../../../graders/watch/live-model.ts';

const columns = [
	{ lab: 'lab1', checkId: 'topic', title: 'A topic exists', step: 1 },
	{ lab: 'lab1', checkId: 'alarm', title: 'An alarm watches errors', step: 2 },
	{ lab: 'lab1', checkId: 'budget', title: 'An error budget dashboard', step: 3 },
];

function attempt(observedAt: string, passedChecks: number, error?: { kind: string; message: string }): LiveAttempt {
	return {
		lab: 'lab1',
		outcome: error ? 'error' : passedChecks === 3 ? 'pass' : 'fail',
		score: passedChecks * 10,
		maxScore: 30,
		observedAt,
		passedChecks,
		errorKind: error?.kind ?? null,
		errorMessage: error?.message ?? null,
	};
}

function learner(
	learnerId: string,
	attempts: LiveAttempt[],
	statuses: ('pass' | 'fail' | 'error' | 'skipped')[],
): LiveLearner {
	return {
		learnerId,
		name: `Name ${learnerId}`,
		email: `${learnerId}@example.org`,
		attempts,
		latest: Object.fromEntries(
			statuses.map((status, index) => [
				`lab1/${columns[index]?.checkId}`,
				{ status, message: `${status} message`, hint: 'a hint' },
			]),
		),
	};
}

const at = (minute: number) => `2026-11-26T10:${String(minute).padStart(2, '0')}:00.000Z`;
const data: LiveData = {
	cohort: 'spring',
	columns,
	learners: [
		// Progressed at 10:05 (1 → 2 checks), then nothing for 25 minutes: stuck on "budget".
		learner(
			'ana',
			[attempt(at(0), 1), attempt(at(5), 2), attempt(at(15), 2), attempt(at(30), 2)],
			['pass', 'pass', 'fail'],
		),
		// Progressed at 10:25: not stuck.
		learner('ben', [attempt(at(0), 0), attempt(at(25), 1)], ['pass', 'fail', 'fail']),
		// Never progressed since 10:00: stuck on the first check.
		learner('cy', [attempt(at(0), 0), attempt(at(30), 0)], ['fail', 'fail', 'fail']),
		// Done.
		learner('dee', [attempt(at(0), 3)], ['pass', 'skipped', 'pass']),
		// Account unreadable: under causes, not stuck.
		learner('eve', [attempt(at(0), 0, { kind: 'assume-role', message: 'AccessDenied' })], []),
		// Not graded yet.
		learner('fay', [], []),
	],
};
const view = buildLiveView(data, { now: new Date(at(30)), stuckAfterMs: 15 * 60_000 });
const row = (id: string) => view.rows.find((candidate) => candidate.learnerId === id);

describe('live grid', () => {
	it('has one cell per check with the latest result, and "not-yet" where nothing was graded', () => {
		expect(row('ana')?.cells).toEqual(['pass', 'pass', 'fail']);
		expect(row('dee')?.cells).toEqual(['pass', 'skipped', 'pass']);
		expect(row('fay')?.cells).toEqual(['not-yet', 'not-yet', 'not-yet']);
		expect(row('ana')).toMatchObject({ passed: 2, total: 3, complete: false });
		expect(row('dee')?.complete).toBe(true);
	});

	it('dates progress from the last time the checks passed went up', () => {
		expect(lastProgressOf(data.learners[0] as LiveLearner)).toBe(at(5));
		expect(row('ana')?.sinceProgressMs).toBe(25 * 60_000);
		expect(row('cy')?.lastProgressAt).toBeNull();
		// No progress yet: measured from the first attempt.
		expect(row('cy')?.sinceProgressMs).toBe(30 * 60_000);
		expect(row('fay')?.sinceProgressMs).toBeNull();
	});

	it('flags stuck learners past --stuck-after, never the complete, the ungradable or the not yet graded', () => {
		expect(view.rows.filter((candidate) => candidate.stuck).map((candidate) => candidate.learnerId)).toEqual([
			'ana',
			'cy',
		]);
		expect(row('ana')?.stuckOn).toBe(2);
		expect(row('cy')?.stuckOn).toBe(0);
		expect(view.stuckPerCheck).toEqual([1, 0, 1]);
		const relaxed = buildLiveView(data, { now: new Date(at(30)), stuckAfterMs: 30 * 60_000 + 1 });
		expect(relaxed.rows.filter((candidate) => candidate.stuck)).toEqual([]);
	});

	it('groups accounts that could not be graded by cause, with the fix', () => {
		expect(view.causes).toEqual([
			expect.objectContaining({
				cause: 'grader-role',
				fix: expect.stringContaining('labs/grader-role/template.yaml'),
				learners: [{ learnerId: 'eve', name: 'Name eve', lab: 'lab1', message: 'AccessDenied' }],
			}),
		]);
		expect(row('eve')?.couldNotGrade).toBe(true);
	});

	it('gives a learner drill-down: each check with its message and hint, attempts newest first', () => {
		const detail = learnerDetail(data, 'ana');
		expect(detail?.checks.map((check) => [check.checkId, check.state, check.hint])).toEqual([
			['topic', 'pass', 'a hint'],
			['alarm', 'pass', 'a hint'],
			['budget', 'fail', 'a hint'],
		]);
		expect(detail?.attempts.map((entry) => entry.observedAt)).toEqual([at(30), at(15), at(5), at(0)]);
		expect(learnerDetail(data, 'nobody')).toBeNull();
	});
});
