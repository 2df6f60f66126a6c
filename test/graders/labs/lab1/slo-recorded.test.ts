import { describe, expect, it } from 'vitest';
import type { Parameter } from '../../../../graders/collectors/ssm/sre-lab-parameters.ts';
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
			'/sre-lab/lab1/slo says 4.32 minutes of error budget, but 99.9 % over 30 days allows 43.2 minutes.',
		);
	});

	it('fails when the parameter is missing', () => {
		const snapshot = editRead<Parameter[]>(loadFixture('passing'), 'ssm.sre-lab-parameters', () => []);
		expect(gradeCheck(snapshot, id).message).toBe('There is no parameter /sre-lab/lab1/slo in eu-west-1.');
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
