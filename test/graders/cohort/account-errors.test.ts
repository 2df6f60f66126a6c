import { describe, expect, it } from 'vitest';
import { AccountTimedOut, AssumeRoleFailed, describeAccountError } from '../../../graders/cohort/account-errors.ts';
import type { RosterEntry } from '../../../graders/cohort/roster.ts';

const target = { accountId: '111122223333' } as RosterEntry;
const sdkError = (name: string, message: string) => Object.assign(new Error(message), { name, $metadata: {} });

describe('describeAccountError', () => {
	it('names the grader role, trust and external id when the role cannot be assumed', () => {
		const error = describeAccountError(
			new AssumeRoleFailed('arn:aws:iam::111122223333:role/SreLabGrader', sdkError('AccessDenied', 'not authorized')),
			target,
		);
		expect(error.kind).toBe('assume-role');
		expect(error.message).toContain('account 111122223333 has the grader role');
		expect(error.message).toContain('external id');
	});

	it('reports a time-out as such', () => {
		expect(describeAccountError(new AccountTimedOut('no answer within 300 s'), target)).toEqual({
			kind: 'timeout',
			message: 'no answer within 300 s',
		});
	});

	it("keeps the engine's Region advice instead of the raw SDK text", () => {
		const error = describeAccountError(
			sdkError('Error', 'Region not accepted: region="eu west 1" is not a valid hostname component.'),
			target,
		);
		expect(error.kind).toBe('other');
		expect(error.message).toMatch(/not a valid Region name: pass --region/);
	});

	it('shows an unexpected error in its own words', () => {
		expect(describeAccountError(new TypeError('cannot read properties of undefined'), target).message).toBe(
			'TypeError: cannot read properties of undefined',
		);
	});
});
