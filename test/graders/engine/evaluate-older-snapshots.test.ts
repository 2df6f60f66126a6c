import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateLab, readsMissingFrom } from '../../../graders/engine/evaluate.ts';
import { parseSnapshot } from '../../../graders/engine/snapshot.ts';
import type { Snapshot } from '../../../graders/engine/types.ts';
import { getLab, labIds } from '../../../graders/labs/index.ts';

const now = () => new Date('2026-11-22T12:05:00Z');

function passingFixture(lab: string): Snapshot {
	const file = new URL(`../../fixtures/snapshots/${lab}/passing.json`, import.meta.url);
	return parseSnapshot(readFileSync(file, 'utf8'), file.pathname);
}

function without(snapshot: Snapshot, collectorId: string): Snapshot {
	const { [collectorId]: _dropped, ...reads } = snapshot.reads;
	return { ...snapshot, reads };
}

/**
 * Snapshots saved by an older sre-lab (a learner's --save-snapshot, a cohort's stored evidence) may
 * lack reads added since. Whichever read is missing, the learner sees a pass or "could not grade,
 * collect again", never a failure they did not cause.
 */
describe('grading a snapshot that predates some reads', () => {
	it.each(labIds())('never fails a %s learner for a read the evidence predates', (lab) => {
		const passing = passingFixture(lab);
		const present = readsMissingFrom({ ...passing, reads: {} }, getLab(lab)).filter((id) => id in passing.reads);
		for (const collectorId of present) {
			const older = without(passing, collectorId);
			expect(readsMissingFrom(older, getLab(lab))).toContain(collectorId);
			const result = evaluateLab(lab, older, { now });
			expect(
				result.checks.filter((check) => check.status === 'fail').map((check) => check.id),
				collectorId,
			).toEqual([]);
			if (result.outcome === 'pass') continue;
			expect(result.outcome, collectorId).toBe('error');
			expect(
				result.checks.some(
					(check) =>
						check.status === 'error' &&
						check.message.includes(`"${collectorId}"`) &&
						check.message.includes('`sre-lab check`'),
				),
				collectorId,
			).toBe(true);
		}
	});

	it('turns a failure caused by a missing read into an error, and keeps genuine failures', () => {
		const failing = parseSnapshot(
			readFileSync(new URL('../../fixtures/snapshots/lab1/failing.json', import.meta.url), 'utf8'),
			'failing.json',
		);
		const fresh = evaluateLab('lab1', failing, { now });
		const older = evaluateLab('lab1', without(failing, 'ssm.sre-lab-parameters'), { now });
		const statusOf = (result: typeof fresh, id: string) => result.checks.find((check) => check.id === id)?.status;
		for (const check of fresh.checks) {
			const reads = getLab('lab1').checks.get(check.id)?.reads ?? [];
			const expected = reads.includes('ssm.sre-lab-parameters') && check.status === 'fail' ? 'error' : check.status;
			if (statusOf(older, check.id) !== 'skipped') expect(statusOf(older, check.id), check.id).toBe(expected);
		}
	});
});
