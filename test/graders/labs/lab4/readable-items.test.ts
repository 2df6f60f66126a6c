import { describe, expect, it } from 'vitest';
import type { PerResource, Snapshot } from '../../../../graders/engine/types.ts';
import { loadFixture } from './support/fixtures.ts';
import { gradeCheck } from './support/lab4-steps.ts';

const denied = (service: string, operation: string) => ({
	ok: false as const,
	error: {
		kind: 'access-denied' as const,
		service,
		operation,
		action: `${service}:${operation}`,
		message: `Access denied for ${service}:${operation}.`,
	},
});

/** Adds one unreadable item to a per-resource read of the snapshot. */
function withUnreadable(snapshot: Snapshot, read: string, key: string, service: string, operation: string): Snapshot {
	const outcome = snapshot.reads[read];
	if (!outcome?.ok) throw new Error(`no read ${read}`);
	const items = { ...(outcome.data as PerResource<unknown>), [key]: denied(service, operation) };
	return { ...snapshot, reads: { ...snapshot.reads, [read]: { ok: true, data: items } } };
}

const cases = [
	{
		check: 'remediation-ran',
		read: 'events.alarm-state-rules',
		key: 'other-rule',
		service: 'events',
		operation: 'ListTargetsByRule',
	},
	{
		check: 'config-rule-reports',
		read: 'config.rule-evaluations',
		key: 'other-rule',
		service: 'config',
		operation: 'GetComplianceDetailsByConfigRule',
	},
	{
		check: 'postmortem-recorded',
		read: 'ssm.lab4-ops-items',
		key: 'oi-ffffffffffff',
		service: 'ssm',
		operation: 'GetOpsItem',
	},
];

describe('one unreadable item beside the ones that pass', () => {
	it.each(cases)('$check still passes on the readable items', ({ check, read, key, service, operation }) => {
		expect(gradeCheck(withUnreadable(loadFixture('passing'), read, key, service, operation), check).status).toBe(
			'pass',
		);
	});

	it.each(cases)(
		'$check is could-not-grade, naming the action, when nothing readable passes',
		({ check, read, key, service, operation }) => {
			const result = gradeCheck(withUnreadable(loadFixture('failing'), read, key, service, operation), check);
			expect(result.status).toBe('error');
			expect(result.message).toContain(`${service}:${operation}`);
		},
	);
});
