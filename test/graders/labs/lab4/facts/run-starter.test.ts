import { describe, expect, it } from 'vitest';
import { assumedRoleOf, roleOfArn, startedByRole } from '../../../../../graders/labs/lab4/facts/run-starter.ts';

const role = 'arn:aws:iam::123456789012:role/sre-lab4-events';

describe('run starter', () => {
	it('reads a role ARN, taking the name after any path', () => {
		expect(roleOfArn(role)).toEqual({ account: '123456789012', name: 'sre-lab4-events' });
		expect(roleOfArn('arn:aws:iam::123456789012:role/service-role/team/sre-lab4-events')).toEqual({
			account: '123456789012',
			name: 'sre-lab4-events',
		});
		expect(roleOfArn('arn:aws:iam::123456789012:user/alice')).toBeNull();
	});

	it('reads an assumed-role ARN with or without its session name, and nothing else', () => {
		const expected = { account: '123456789012', name: 'sre-lab4-events' };
		expect(assumedRoleOf('arn:aws:sts::123456789012:assumed-role/sre-lab4-events/8f2c1e0a')).toEqual(expected);
		expect(assumedRoleOf('arn:aws:sts::123456789012:assumed-role/sre-lab4-events')).toEqual(expected);
		expect(assumedRoleOf('arn:aws-cn:sts::123456789012:assumed-role/sre-lab4-events')).toEqual(expected);
		expect(assumedRoleOf('arn:aws:iam::123456789012:user/alice')).toBeNull();
		expect(assumedRoleOf('arn:aws:iam::123456789012:root')).toBeNull();
	});

	it("is the target's role only for a session of that role in the same account", () => {
		expect(startedByRole('arn:aws:sts::123456789012:assumed-role/sre-lab4-events', role)).toBe(true);
		expect(startedByRole('arn:aws:sts::123456789012:assumed-role/sre-lab4-events-admin', role)).toBe(false);
		expect(startedByRole('arn:aws:sts::999999999999:assumed-role/sre-lab4-events', role)).toBe(false);
		expect(startedByRole('arn:aws:iam::123456789012:user/sre-lab4-events', role)).toBe(false);
		expect(startedByRole('arn:aws:sts::123456789012:assumed-role/sre-lab4-events', null)).toBe(false);
	});
});
