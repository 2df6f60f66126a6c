import { describe, expect, it } from 'vitest';
import { evaluateLab } from '../../graders/engine/evaluate.ts';
import type { LabResult, Snapshot } from '../../graders/engine/types.ts';
import { formatJson } from '../../graders/output/json.ts';
import { readLabResult } from '../../src/utils/lab-result-read.ts';

/** A real result document: the lab 1 grader on an account where nothing could be read (every check error/skipped). */
function realResult(lab = 'lab1'): LabResult {
	const snapshot: Snapshot = {
		format: 'sre-lab-snapshot',
		version: 1,
		accountId: '111122223333',
		region: 'eu-west-1',
		collectedAt: '2026-11-22T10:00:00.000Z',
		window: { since: '2026-11-21T10:00:00.000Z', until: '2026-11-22T10:00:00.000Z' },
		reads: {},
	};
	return evaluateLab(lab, snapshot, { now: () => new Date('2026-11-22T10:01:00.000Z') });
}

const lab1Ids = () => realResult().checks.map((check) => check.id);

describe('readLabResult', () => {
	it('accepts what sre-lab check --json writes', () => {
		const read = readLabResult(formatJson(realResult()), 'lab1', lab1Ids());
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(read.result.lab).toBe('lab1');
		expect(read.result.checks.map((check) => check.id)).toEqual(lab1Ids());
		expect(read.unknownCheckIds).toEqual([]);
	});

	it('finds the JSON in a paste that carries the command line around it', () => {
		const paste = `~ $ node sre-lab.mjs check lab1 --json\n${formatJson(realResult())}~ $ `;
		expect(readLabResult(paste, 'lab1', lab1Ids()).ok).toBe(true);
	});

	it("refuses another lab's result and says where it belongs", () => {
		expect(readLabResult(formatJson(realResult('lab2')), 'lab1', lab1Ids())).toEqual({
			ok: false,
			reason:
				'This result is for lab2, not lab1. Open the lab2 page to see it there, or run sre-lab check lab1 --json > lab1-result.json.',
		});
	});

	it('refuses text that is not JSON, or JSON that is not a grader result', () => {
		const notJson = readLabResult('✓ Step 1 instance serves HTTP', 'lab1', lab1Ids());
		expect(notJson).toMatchObject({ ok: false, reason: expect.stringMatching(/^This is not JSON\./) });
		const snapshot = readLabResult('{"format":"sre-lab-snapshot","version":1}', 'lab1', lab1Ids());
		expect(snapshot).toMatchObject({ ok: false, reason: expect.stringMatching(/^This is not a grader result/) });
		expect(readLabResult('   ', 'lab1', lab1Ids())).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/^Nothing to read/),
		});
	});

	it('names the damaged field', () => {
		const result = realResult();
		const damaged = {
			...result,
			checks: result.checks.map((check, index) => (index === 2 ? { ...check, status: 'maybe' } : check)),
		};
		const read = readLabResult(JSON.stringify(damaged), 'lab1', lab1Ids());
		expect(read).toMatchObject({ ok: false, reason: expect.stringContaining('at "checks.2.status"') });
		const noTime = readLabResult(JSON.stringify({ ...result, gradedAt: 'today' }), 'lab1', lab1Ids());
		expect(noTime).toMatchObject({ ok: false, reason: expect.stringContaining('at "gradedAt"') });
	});

	it('refuses a score that the checks do not add up to (an edited file)', () => {
		const result = realResult();
		const read = readLabResult(JSON.stringify({ ...result, score: result.maxScore }), 'lab1', lab1Ids());
		expect(read).toMatchObject({ ok: false, reason: expect.stringMatching(/does not add up/) });
	});

	it("lists checks the page does not know (a grader of another version), keeping the message's text as is", () => {
		const result = realResult();
		const html = '<img src=x onerror="alert(1)">';
		const extra = { ...result.checks[0], id: 'new-check', message: html, earned: 0 };
		const read = readLabResult(JSON.stringify({ ...result, checks: [...result.checks, extra] }), 'lab1', lab1Ids());
		expect(read.ok && read.unknownCheckIds).toEqual(['new-check']);
		expect(read.ok && read.result.checks.at(-1)?.message).toBe(html);
	});
});
