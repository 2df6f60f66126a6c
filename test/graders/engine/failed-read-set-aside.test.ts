import { describe, expect, it } from 'vitest';
import { defineLab } from '../../../graders/engine/define-lab.ts';
import { evaluateLabDefinition } from '../../../graders/engine/evaluate.ts';
import type { PerResource, ReadError, Snapshot } from '../../../graders/engine/types.ts';
import { parseManifest } from '../../../graders/manifest/load-manifest.ts';

/**
 * Setting a failed read aside settles that read only. Per-resource failures of one operation carry
 * the same advice word for word (a throttled DescribeLogStreams reads the same for every log group),
 * so telling them apart by their content would let one resource's set-aside settle another's.
 */

const manifest = parseManifest(
	`
id: lab9
title: Test lab
summary: For the engine tests.
defaultSince: 1h
checks:
  - { id: judged, title: Judged, step: 1, points: 1, hint: Do it. }
`,
	'inline',
);

// As a snapshot loaded from JSON holds them: equal in content, distinct objects.
const throttled = (): ReadError => ({
	kind: 'throttled',
	service: 'logs',
	operation: 'DescribeLogStreams',
	message: 'logs:DescribeLogStreams was throttled. Run the grader again in a few minutes.',
});

const snapshot: Snapshot = {
	format: 'sre-lab-snapshot',
	version: 1,
	accountId: '111122223333',
	region: 'eu-west-1',
	collectedAt: '2026-11-22T12:00:00.000Z',
	window: { since: '2026-11-22T11:00:00.000Z', until: '2026-11-22T12:00:00.000Z' },
	reads: {
		'test.streams': {
			ok: true,
			data: {
				'/var/log/messages': { ok: false, error: throttled() },
				'/sre-lab/lab1/access': { ok: false, error: throttled() },
			} satisfies PerResource<string[]>,
		},
	},
};

const collectors = [
	{ id: 'test.streams', description: '', iamActions: ['logs:DescribeLogStreams'], collect: async () => ({}) },
];

describe('setting a failed read aside', () => {
	it('settles only the read set aside, not another failed read with the same message', () => {
		const lab = defineLab({
			manifest,
			collectors,
			checks: [
				{
					id: 'judged',
					reads: ['test.streams'],
					evaluate(view) {
						const streams = view.read<PerResource<string[]>>('test.streams');
						for (const [group, outcome] of Object.entries(streams)) {
							// Only syslog is ruled out; the access-log group's failure still matters.
							if (!outcome.ok && group === '/var/log/messages')
								view.setAside(outcome.error, 'syslog is not the access log');
						}
						return { status: 'fail', message: 'No access log found.' };
					},
				},
			],
		});
		const [judged] = evaluateLabDefinition(lab, snapshot, { now: () => new Date('2026-11-22T12:01:00Z') }).checks;
		expect(judged).toMatchObject({
			status: 'error',
			message: expect.stringContaining('logs:DescribeLogStreams was throttled'),
		});
	});
});
