import { describe, expect, it } from 'vitest';
import type { ServiceLevelObjective } from '../../../../graders/collectors/application-signals/service-level-objectives.ts';
import type { Parameter } from '../../../../graders/collectors/ssm/sre-lab-parameters.ts';
import type { PerResource, ReadError, Snapshot } from '../../../../graders/engine/types.ts';
import { sloArn } from '../../support/lab1-account.ts';
import { accessDenied, editRead, failRead, gradeCheck, loadFixture } from '../../support/snapshot-edit.ts';

const id = 'slo-recorded';

const withParameter = (change: Partial<Parameter>) =>
	editRead<Parameter[]>(loadFixture('passing'), 'ssm.sre-lab-parameters', (parameters) =>
		parameters.map((parameter) => ({ ...parameter, ...change })),
	);
const withValue = (value: unknown) => withParameter({ value: JSON.stringify(value) });

describe(id, () => {
	it('passes with correct arithmetic', () => {
		const result = gradeCheck(loadFixture('passing'), id);
		expect(result.status).toBe('pass');
		expect(result.message).toBe(
			'SLO recorded: 99.9 % over 30 days ("share of HTTP requests answered without a 5xx status"), error budget 43.2 minutes (exact: 43.2).',
		);
	});

	it('accepts a budget rounded for people (43 minutes)', () => {
		expect(
			gradeCheck(withValue({ sli: 'good requests', objective: 99.9, windowDays: 30, errorBudgetMinutes: 43 }), id)
				.status,
		).toBe('pass');
		expect(
			gradeCheck(withValue({ sli: 'good requests', objective: 99.95, windowDays: 28, errorBudgetMinutes: 20.16 }), id)
				.status,
		).toBe('pass');
	});

	it('fails a wrong budget and says what it should be (the committed failing fixture)', () => {
		const result = gradeCheck(loadFixture('failing'), id);
		expect(result.status).toBe('fail');
		expect(result.message).toBe(
			'/sre-lab/lab1/slo says 4.32 minutes of error budget, but 99.9 % over 30 days allows 43.2 minutes. No CloudWatch Application Signals service level objective was found either.',
		);
	});

	it('fails when the parameter is missing', () => {
		const snapshot = editRead<Parameter[]>(loadFixture('passing'), 'ssm.sre-lab-parameters', () => []);
		expect(gradeCheck(snapshot, id).message).toBe(
			'There is no parameter /sre-lab/lab1/slo in eu-west-1. No CloudWatch Application Signals service level objective was found either.',
		);
	});

	it('fails a SecureString, a non-JSON value and a record with missing or out-of-range fields', () => {
		expect(gradeCheck(withParameter({ type: 'SecureString' }), id).message).toContain('it is a SecureString');
		expect(gradeCheck(withParameter({ value: 'objective 99.9' }), id).message).toContain('its value is not JSON');
		const badRecord = gradeCheck(withValue({ sli: 'x', objective: 100, windowDays: 30 }), id).message;
		expect(badRecord).toContain('objective');
		expect(badRecord).toContain('errorBudgetMinutes');
	});

	it('is an error when GetParametersByPath is denied', () => {
		expect(
			gradeCheck(
				failRead(loadFixture('passing'), 'ssm.sre-lab-parameters', accessDenied('ssm:GetParametersByPath')),
				id,
			).status,
		).toBe('error');
	});
});

const availabilitySlo: ServiceLevelObjective = {
	arn: sloArn('lab1-availability'),
	name: 'lab1-availability',
	evaluationType: 'RequestBased',
	attainmentGoal: 99.9,
	interval: { kind: 'rolling', duration: 30, unit: 'DAY' },
};
const withoutParameter = () => editRead<Parameter[]>(loadFixture('passing'), 'ssm.sre-lab-parameters', () => []);
const withSlos = (snapshot: Snapshot, slos: PerResource<ServiceLevelObjective>) =>
	editRead<PerResource<ServiceLevelObjective>>(snapshot, 'application-signals.service-level-objectives', () => slos);
const appSignalsFailure = (kind: ReadError['kind'], message: string): ReadError => ({
	kind,
	service: 'application-signals',
	operation: 'ListServiceLevelObjectives',
	action: 'application-signals:ListServiceLevelObjectives',
	message,
});
const notImplemented = appSignalsFailure(
	'not-implemented',
	'The endpoint does not implement application-signals:ListServiceLevelObjectives.',
);

describe(`${id} through CloudWatch Application Signals`, () => {
	it('passes with an SLO that has an attainment goal and an interval, and reports them as evidence', () => {
		const result = gradeCheck(
			withSlos(withoutParameter(), { [availabilitySlo.arn]: { ok: true, data: availabilitySlo } }),
			id,
		);
		expect(result).toMatchObject({
			status: 'pass',
			message:
				'SLO recorded in CloudWatch Application Signals: "lab1-availability" aims for 99.9 % over a rolling 30 days (RequestBased).',
			evidence: [availabilitySlo.arn],
		});
	});

	it('describes a calendar interval', () => {
		const calendar: ServiceLevelObjective = {
			...availabilitySlo,
			evaluationType: null,
			interval: { kind: 'calendar', duration: 1, unit: 'MONTH', startTime: '2026-11-01T00:00:00.000Z' },
		};
		expect(gradeCheck(withSlos(withoutParameter(), { [calendar.arn]: { ok: true, data: calendar } }), id).message).toBe(
			'SLO recorded in CloudWatch Application Signals: "lab1-availability" aims for 99.9 % over calendar periods of 1 month from 2026-11-01.',
		);
	});

	it('passes through Application Signals even when the parameter could not be read', () => {
		const snapshot = failRead(
			withSlos(loadFixture('passing'), { [availabilitySlo.arn]: { ok: true, data: availabilitySlo } }),
			'ssm.sre-lab-parameters',
			accessDenied('ssm:GetParametersByPath'),
		);
		expect(gradeCheck(snapshot, id).status).toBe('pass');
	});

	it('fails an SLO without a goal, and says so', () => {
		const noGoal = { ...availabilitySlo, attainmentGoal: null, interval: null };
		const result = gradeCheck(withSlos(withoutParameter(), { [noGoal.arn]: { ok: true, data: noGoal } }), id);
		expect(result).toMatchObject({ status: 'fail' });
		expect(result.message).toBe(
			'There is no parameter /sre-lab/lab1/slo in eu-west-1. The Application Signals SLO "lab1-availability" has no attainment goal or interval.',
		);
	});

	it('passes through the parameter when the endpoint does not implement Application Signals', () => {
		const snapshot = failRead(loadFixture('passing'), 'application-signals.service-level-objectives', notImplemented);
		expect(gradeCheck(snapshot, id).status).toBe('pass');
		const region = appSignalsFailure('region', 'There is no application-signals endpoint in eu-nowhere-1.');
		expect(
			gradeCheck(failRead(loadFixture('passing'), 'application-signals.service-level-objectives', region), id).status,
		).toBe('pass');
	});

	it('fails on the parameter alone, not as an error, when the endpoint does not implement Application Signals', () => {
		const snapshot = failRead(withoutParameter(), 'application-signals.service-level-objectives', notImplemented);
		const result = gradeCheck(snapshot, id);
		expect(result.status).toBe('fail');
		expect(result.message).toBe(
			'There is no parameter /sre-lab/lab1/slo in eu-west-1. CloudWatch Application Signals is not available in this Region or at this endpoint, so only the parameter can count.',
		);
	});

	it('passes through the parameter even when Application Signals is denied or throttled', () => {
		for (const kind of ['access-denied', 'throttled', 'network'] as const) {
			const snapshot = failRead(
				loadFixture('passing'),
				'application-signals.service-level-objectives',
				appSignalsFailure(kind, 'could not read'),
			);
			expect(gradeCheck(snapshot, id).status, kind).toBe('pass');
		}
	});

	it('is an error, not a fail, when the parameter is missing and Application Signals could not be read', () => {
		const denied = accessDenied('application-signals:ListServiceLevelObjectives');
		const result = gradeCheck(failRead(withoutParameter(), 'application-signals.service-level-objectives', denied), id);
		expect(result.status).toBe('error');
		expect(result.message).toBe(
			`${denied.message} Recording the SLO in /sre-lab/lab1/slo instead also satisfies this check.`,
		);
		const oneSloDenied = withSlos(withoutParameter(), {
			[availabilitySlo.arn]: { ok: false, error: accessDenied('application-signals:GetServiceLevelObjective') },
		});
		expect(gradeCheck(oneSloDenied, id)).toMatchObject({ status: 'error' });
	});

	it('still shows what is wrong with the parameter when Application Signals could not be read', () => {
		const denied = accessDenied('application-signals:ListServiceLevelObjectives');
		const wrongBudget = withValue({ sli: 'good requests', objective: 99.9, windowDays: 30, errorBudgetMinutes: 4.32 });
		const result = gradeCheck(failRead(wrongBudget, 'application-signals.service-level-objectives', denied), id);
		// Error, not fail: an Application Signals SLO the grader could not see would pass this check.
		expect(result.status).toBe('error');
		expect(result.message).toBe(
			`/sre-lab/lab1/slo says 4.32 minutes of error budget, but 99.9 % over 30 days allows 43.2 minutes. Correcting it satisfies this check; whether an Application Signals SLO would count instead could not be read: ${denied.message}`,
		);
		const notJson = gradeCheck(
			failRead(withParameter({ value: 'objective 99.9' }), 'application-signals.service-level-objectives', denied),
			id,
		);
		expect(notJson.message).toMatch(/^\/sre-lab\/lab1\/slo exists but its value is not JSON\. Correcting it/);
	});

	it('passes a snapshot saved before the graders read Application Signals on the parameter alone', () => {
		const { 'application-signals.service-level-objectives': _, ...reads } = loadFixture('passing').reads;
		expect(gradeCheck({ ...loadFixture('passing'), reads }, id).status).toBe('pass');
	});

	it('does not fail a learner whose older snapshot lacks the Application Signals read', () => {
		// The learner may have recorded the SLO in Application Signals; the old snapshot cannot tell.
		const { 'application-signals.service-level-objectives': _, ...reads } = loadFixture('failing').reads;
		const result = gradeCheck({ ...loadFixture('failing'), reads }, id);
		expect(result.status).toBe('error');
		expect(result.message).toMatch(/^The snapshot has no "application-signals\.service-level-objectives" read/);
	});
});
