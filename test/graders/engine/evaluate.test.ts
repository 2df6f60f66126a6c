import { describe, expect, it } from 'vitest';
import { defineLab } from '../../../graders/engine/define-lab.ts';
import { evaluateLab, evaluateLabDefinition } from '../../../graders/engine/evaluate.ts';
import type { CheckDefinition, Snapshot } from '../../../graders/engine/types.ts';
import { parseManifest } from '../../../graders/manifest/load-manifest.ts';
import { loadFixture } from '../support/snapshot-edit.ts';

const manifest = parseManifest(
	`
id: lab9
title: Test lab
summary: For the engine tests.
defaultSince: 1h
checks:
  - { id: first, title: First, step: 1, points: 5, hint: Do the first thing. }
  - { id: second, title: Second, step: 2, points: 3, dependsOn: [first], hint: Do the second thing. }
  - { id: third, title: Third, step: 3, points: 2, dependsOn: [second], hint: Do the third thing. }
  - { id: lone, title: Lone, step: 3, points: 1, hint: Independent. }
`,
	'inline',
);

const snapshot: Snapshot = {
	format: 'sre-lab-snapshot',
	version: 1,
	accountId: '111122223333',
	region: 'eu-west-1',
	collectedAt: '2026-11-22T12:00:00.000Z',
	window: { since: '2026-11-22T11:00:00.000Z', until: '2026-11-22T12:00:00.000Z' },
	reads: {
		'test.value': { ok: true, data: { first: 'pass', second: 'fail', lone: 'pass' } },
		'test.denied': {
			ok: false,
			error: {
				kind: 'access-denied',
				service: 'test',
				operation: 'Read',
				action: 'test:Read',
				message: 'Access denied for test:Read.',
			},
		},
	},
};

const byValue = (id: string): CheckDefinition => ({
	id,
	reads: ['test.value'],
	evaluate: (view) => {
		const status = view.read<Record<string, 'pass' | 'fail'>>('test.value')[id] ?? 'fail';
		return { status, message: `${id} is ${status}`, evidence: [id] };
	},
});
const collectors = [
	{ id: 'test.value', description: '', iamActions: ['test:Read'], collect: async () => ({}) },
	{ id: 'test.denied', description: '', iamActions: ['test:Read'], collect: async () => ({}) },
];
const lab = defineLab({
	manifest,
	checks: [byValue('first'), byValue('second'), byValue('third'), byValue('lone')],
	collectors,
});
const now = () => new Date('2026-11-22T12:01:00.000Z');

describe('evaluateLabDefinition', () => {
	it('scores passes, fails and skips, and names the step to finish first', () => {
		const result = evaluateLabDefinition(lab, snapshot, { now });
		expect(result).toMatchObject({
			format: 'sre-lab-result',
			version: 1,
			lab: 'lab9',
			score: 6,
			maxScore: 11,
			outcome: 'fail',
			gradedAt: now().toISOString(),
		});
		expect(result.checks.map((check) => [check.id, check.status, check.earned])).toEqual([
			['first', 'pass', 5],
			['second', 'fail', 0],
			['third', 'skipped', 0],
			['lone', 'pass', 1],
		]);
		expect(result.checks[1]?.hint).toBe('Do the second thing.');
		expect(result.checks[0]?.hint).toBeUndefined();
		expect(result.checks[2]?.message).toBe('Complete step 2 first ("Second" has not passed).');
	});

	it('follows skipped prerequisites down to the one that failed', () => {
		const failingFirst = {
			...snapshot,
			reads: { ...snapshot.reads, 'test.value': { ok: true as const, data: { first: 'fail' } } },
		};
		const third = evaluateLabDefinition(lab, failingFirst, { now }).checks.find((check) => check.id === 'third');
		expect(third?.message).toBe('Complete step 1 first ("First" has not passed).');
	});

	it('turns a failed read into error, never fail, and the lab outcome into error', () => {
		const denied = defineLab({
			manifest,
			checks: [
				{ id: 'first', reads: ['test.denied'], evaluate: (view) => view.read('test.denied') },
				byValue('second'),
				byValue('third'),
				byValue('lone'),
			],
			collectors,
		});
		const result = evaluateLabDefinition(denied, snapshot, { now });
		expect(result.checks[0]).toMatchObject({ status: 'error', message: 'Access denied for test:Read.', earned: 0 });
		expect(result.checks[1]?.message).toBe(
			'Not graded: step 1 ("First") could not be graded, and this check builds on it.',
		);
		expect(result.outcome).toBe('error');
	});

	it('reports a read missing from an old snapshot as an error', () => {
		const old = { ...snapshot, reads: {} };
		expect(evaluateLabDefinition(lab, old, { now }).checks[0]).toMatchObject({
			status: 'error',
			message: expect.stringContaining('has no "test.value" read'),
		});
	});
});

describe('evaluateLab', () => {
	it('grades a registered lab by id and gives the same result for the same snapshot', () => {
		const first = evaluateLab('lab1', loadFixture('passing'), { now });
		expect(first.outcome).toBe('pass');
		expect(first.score).toBe(first.maxScore);
		expect(evaluateLab('lab1', loadFixture('passing'), { now })).toEqual(first);
	});

	it('rejects an unknown lab', () => {
		expect(() => evaluateLab('lab42', snapshot)).toThrow('unknown lab "lab42"');
	});
});

describe('defineLab', () => {
	it('refuses a manifest check without implementation, an extra implementation and an undeclared read', () => {
		expect(() => defineLab({ manifest, checks: [byValue('first')], collectors })).toThrow(
			'manifest check "second" has no implementation',
		);
		expect(() =>
			defineLab({ manifest, checks: ['first', 'second', 'third', 'lone', 'extra'].map(byValue), collectors }),
		).toThrow('check "extra" is not in the manifest');
		expect(() =>
			defineLab({ manifest, checks: ['first', 'second', 'third', 'lone'].map(byValue), collectors: [] }),
		).toThrow('reads "test.value", which no collector of the lab provides');
	});
});
