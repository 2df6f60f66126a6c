import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateStoredEvidence, readsMissingFrom } from '../../../graders/cohort/evaluate-evidence.ts';
import { evaluateLab } from '../../../graders/engine/evaluate.ts';
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

describe('evaluateStoredEvidence', () => {
	it('grades evidence that has every read exactly as the engine does', () => {
		for (const lab of labIds()) {
			const fixture = passingFixture(lab);
			if (readsMissingFrom(fixture, lab).length > 0) continue;
			expect(evaluateStoredEvidence(lab, fixture, now)).toEqual(evaluateLab(lab, fixture, { now }));
		}
	});

	// Evidence from an older sre-lab lacks reads added since. Whichever read is missing, the learner
	// must see "could not grade, re-collect" or a pass, never a failure they did not cause.
	it.each(labIds())('never fails a %s learner for a read the evidence predates', (lab) => {
		const passing = passingFixture(lab);
		const present = readsMissingFrom({ ...passing, reads: {} }, lab).filter((id) => id in passing.reads);
		for (const collectorId of present) {
			const older = without(passing, collectorId);
			expect(readsMissingFrom(older, lab)).toContain(collectorId);
			const result = evaluateStoredEvidence(lab, older, now);
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
						check.message.includes('`sre-lab grade`'),
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
		const fresh = evaluateStoredEvidence('lab1', failing, now);
		const older = evaluateStoredEvidence('lab1', without(failing, 'ssm.sre-lab-parameters'), now);
		const statusOf = (result: typeof fresh, id: string) => result.checks.find((check) => check.id === id)?.status;
		for (const check of fresh.checks) {
			const reads = getLab('lab1').checks.get(check.id)?.reads ?? [];
			const expected = reads.includes('ssm.sre-lab-parameters') && check.status === 'fail' ? 'error' : check.status;
			if (statusOf(older, check.id) !== 'skipped') expect(statusOf(older, check.id), check.id).toBe(expected);
		}
	});
});
