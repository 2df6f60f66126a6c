import { describe, expect, it } from 'vitest';
import type {
	InvocationHistory,
	InvocationPeriod,
} from '../../../../graders/collectors/cloudwatch/lambda-invocation-periods.ts';
import type { LambdaSchedule } from '../../../../graders/collectors/scheduler/lambda-schedules.ts';
import type { PerResource, Snapshot } from '../../../../graders/engine/types.ts';
import { accessDenied, editRead, failRead } from '../../support/snapshot-edit.ts';
import { functionName } from './support/lab2-account.ts';
import { gradeLab2Check, loadLab2Fixture } from './support/lab2-fixtures.ts';

const grade = (snapshot: Snapshot) => gradeLab2Check(snapshot, 'cleanup-ran-cleanly');
const withPeriods = (periods: InvocationPeriod[]) =>
	editRead<PerResource<InvocationHistory>>(loadLab2Fixture('passing'), 'cloudwatch.lambda-invocation-periods', () => ({
		[functionName]: { ok: true, data: { periodSeconds: 60, periods } },
	}));
const failedAt = (start: string): InvocationPeriod => ({ start, invocations: 1, errors: 1 });
const cleanAt = (start: string): InvocationPeriod => ({ start, invocations: 1, errors: 0 });

describe('cleanup-ran-cleanly', () => {
	it('passes when the latest run had no errors', () => {
		const result = grade(loadLab2Fixture('passing'));
		expect(result.status).toBe('pass');
		expect(result.message).toBe(
			'lab2-snapshot-cleanup last ran in the 1-minute period from 2026-11-22 03:00 UTC: 1 invocation(s), no errors.',
		);
	});

	it('passes once a fixed function ran cleanly after an earlier failure in the window', () => {
		const result = grade(
			withPeriods([
				failedAt('2026-11-21T13:00:00.000Z'),
				failedAt('2026-11-21T13:01:00.000Z'),
				cleanAt('2026-11-21T13:25:00.000Z'),
			]),
		);
		expect(result.status).toBe('pass');
		expect(result.message).toContain(
			'the error(s) in the 1-minute period from 2026-11-21 13:01 UTC were followed by this clean run',
		);
	});

	it('fails when the latest run reported an error, even after clean runs', () => {
		const result = grade(
			withPeriods([
				cleanAt('2026-11-21T13:00:00.000Z'),
				{ start: '2026-11-22T03:00:00.000Z', invocations: 3, errors: 2 },
			]),
		);
		expect(result.status).toBe('fail');
		expect(result.message).toBe(
			'the latest run of lab2-snapshot-cleanup, in the 1-minute period from 2026-11-22 03:00 UTC, reported 2 error(s) in 3 invocation(s).',
		);
	});

	it('fails when it did not run in the window', () => {
		const result = grade(withPeriods([]));
		expect(result.status).toBe('fail');
		expect(result.message).toBe('lab2-snapshot-cleanup was not invoked since 2026-11-21T12:00:00.000Z.');
	});

	it('is an error when the metrics cannot be read', () => {
		const snapshot = failRead(
			loadLab2Fixture('passing'),
			'cloudwatch.lambda-invocation-periods',
			accessDenied('cloudwatch:GetMetricData'),
		);
		const result = grade(snapshot);
		expect(result.status).toBe('error');
		expect(result.message).toContain('cloudwatch:GetMetricData');
	});

	it('is skipped while nothing schedules the function', () => {
		const snapshot = editRead<PerResource<LambdaSchedule>>(
			loadLab2Fixture('passing'),
			'scheduler.lambda-schedules',
			() => ({}),
		);
		expect(grade(snapshot).status).toBe('skipped');
	});
});
