import { describe, expect, it } from 'vitest';
import { defineLab } from '../../../graders/engine/define-lab.ts';
import { ReadFailed } from '../../../graders/engine/errors.ts';
import { evaluateLabDefinition } from '../../../graders/engine/evaluate.ts';
import type {
	CheckDefinition,
	CheckVerdict,
	PerResource,
	ReadError,
	Snapshot,
	SnapshotView,
} from '../../../graders/engine/types.ts';
import { parseManifest } from '../../../graders/manifest/load-manifest.ts';

/** The engine's rule: a `fail` that looked at a failed read is `error`, unless the check set that read aside. */

const manifest = parseManifest(
	`
id: lab9
title: Test lab
summary: For the engine tests.
defaultSince: 1h
checks:
  - { id: judged, title: Judged, step: 1, points: 1, hint: Do it. }
  - { id: other, title: Other, step: 2, points: 1, hint: Do the other thing. }
`,
	'inline',
);

const denied = (action: string): ReadError => ({
	kind: 'access-denied',
	service: action.split(':')[0] as string,
	operation: action.split(':')[1] as string,
	action,
	message: `Access denied for ${action}. Grant it to the identity running the grader.`,
});
const roleDenied = denied('iam:GetRole');
const listDenied = denied('test:ListExtras');

interface Role {
	name: string;
	canDelete: boolean;
}

/** Two roles read one by one: "ops" could be read and may not delete, "cleanup" could not be read. */
const snapshot: Snapshot = {
	format: 'sre-lab-snapshot',
	version: 1,
	accountId: '111122223333',
	region: 'eu-west-1',
	collectedAt: '2026-11-22T12:00:00.000Z',
	window: { since: '2026-11-22T11:00:00.000Z', until: '2026-11-22T12:00:00.000Z' },
	reads: {
		'test.roles': {
			ok: true,
			data: {
				ops: { ok: true, data: { name: 'ops', canDelete: false } },
				cleanup: { ok: false, error: roleDenied },
			} satisfies PerResource<Role>,
		},
		'test.extras': { ok: false, error: listDenied },
		'test.nested': {
			ok: true,
			data: { byPattern: { a: { ok: true, data: 1 }, b: { ok: false, error: denied('logs:TestMetricFilter') } } },
		},
	},
};

const collectors = ['test.roles', 'test.extras', 'test.nested'].map((id) => ({
	id,
	description: '',
	iamActions: ['test:Read'],
	collect: async () => ({}),
}));

const fail = (message: string): CheckVerdict => ({ status: 'fail', message, evidence: ['ops'] });
const roles = (view: SnapshotView) => view.read<PerResource<Role>>('test.roles');
const other: CheckDefinition = { id: 'other', reads: [], evaluate: () => fail('not done') };

function grade(evaluate: CheckDefinition['evaluate'], reads = ['test.roles', 'test.extras', 'test.nested']) {
	const lab = defineLab({ manifest, checks: [{ id: 'judged', reads, evaluate }, other], collectors });
	return evaluateLabDefinition(lab, snapshot, { now: () => new Date('2026-11-22T12:01:00Z') }).checks;
}

describe('a fail rests only on reads that succeeded', () => {
	it('grades a fail that looked at a resource whose read failed as error, naming it and what could be read', () => {
		const [judged] = grade((view) => {
			const deleters = Object.values(roles(view)).filter((outcome) => outcome.ok && outcome.data.canDelete);
			return deleters.length > 0 ? { status: 'pass', message: 'a role may delete' } : fail('No role may delete.');
		});
		expect(judged).toMatchObject({
			status: 'error',
			earned: 0,
			message:
				'Access denied for iam:GetRole. Grant it to the identity running the grader. Until it can be read this check cannot be graded, and it is not counted against the learner. From what could be read: No role may delete.',
			evidence: ['ops'],
		});
	});

	it('keeps a fail that never looked at the failed reads, though the check declares them', () => {
		const [judged] = grade((view) => {
			const ops = roles(view).ops;
			return ops?.ok && ops.data.canDelete
				? { status: 'pass', message: 'ops may delete' }
				: fail('ops may not delete.');
		});
		expect(judged).toMatchObject({ status: 'fail', message: 'ops may not delete.' });
	});

	it('counts a whole read looked at through outcome(), and a ReadFailed the check caught', () => {
		const throughOutcome = grade((view) => (view.outcome('test.extras')?.ok ? fail('extras') : fail('no extras')));
		expect(throughOutcome[0]).toMatchObject({ status: 'error', message: expect.stringContaining('test:ListExtras') });
		const caught = grade((view) => {
			try {
				view.read('test.extras');
			} catch (error) {
				if (!(error instanceof ReadFailed)) throw error;
			}
			return fail('no extras');
		});
		expect(caught[0]).toMatchObject({ status: 'error', message: expect.stringContaining('test:ListExtras') });
	});

	it('sees failed outcomes nested at any depth, and lists every failed read looked at once', () => {
		const [judged] = grade((view) => {
			const tests = view.read<{ byPattern: Record<string, { ok: boolean }> }>('test.nested');
			const untested = Object.values(tests.byPattern).filter((outcome) => !outcome.ok).length;
			const unreadRoles = Object.values(roles(view)).filter((outcome) => !outcome.ok).length;
			return fail(`${untested} untested, ${unreadRoles} unread`);
		});
		expect(judged?.status).toBe('error');
		expect(judged?.message).toContain('Access denied for logs:TestMetricFilter.');
		expect(judged?.message).toContain('Access denied for iam:GetRole.');
		expect(judged?.message).toContain('Until they can be read');
	});

	it('keeps a fail whose check set the failed read aside with a reason, and only that read', () => {
		const setAside = (alsoLookAtExtras: boolean) =>
			grade((view) => {
				for (const outcome of Object.values(roles(view))) {
					if (!outcome.ok) view.setAside(outcome.error, 'ops alone is the cleanup role');
				}
				if (alsoLookAtExtras) view.outcome('test.extras')?.ok;
				return fail('ops may not delete.');
			})[0];
		expect(setAside(false)).toMatchObject({ status: 'fail', message: 'ops may not delete.' });
		expect(setAside(true)).toMatchObject({ status: 'error', message: expect.stringContaining('test:ListExtras') });
	});

	it('refuses to set a read aside without a reason', () => {
		const [judged] = grade((view) => {
			const outcome = roles(view).cleanup;
			if (outcome && !outcome.ok) view.setAside(outcome.error, ' ');
			return fail('ops may not delete.');
		});
		expect(judged).toMatchObject({ status: 'error', message: expect.stringContaining('with the reason why') });
	});

	it("keeps a pass, and does not carry one check's looks into the next", () => {
		const [judged, next] = grade((view) => {
			Object.values(roles(view)).map((outcome) => outcome.ok);
			return { status: 'pass', message: 'passes on ops' };
		});
		expect(judged?.status).toBe('pass');
		expect(next).toMatchObject({ status: 'fail', message: 'not done' });
	});

	it('gives the checks a snapshot equal to the one collected', () => {
		let seen: unknown;
		grade((view) => {
			seen = JSON.parse(JSON.stringify({ roles: roles(view), extras: view.outcome('test.extras') }));
			return { status: 'pass', message: 'ok' };
		});
		expect(seen).toEqual({
			roles: snapshot.reads['test.roles']?.ok && snapshot.reads['test.roles'].data,
			extras: snapshot.reads['test.extras'],
		});
	});
});
