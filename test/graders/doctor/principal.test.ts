import { describe, expect, it } from 'vitest';
import { accountRegionFor } from '../../../graders/doctor/account-region.ts';
import { pathlessRoleArn, principalOf } from '../../../graders/doctor/principal.ts';

describe('principalOf (caller ARNs as GetCallerIdentity returns them)', () => {
	it('recognises an IAM user, keeping its path', () => {
		expect(principalOf('arn:aws:iam::123456789012:user/division_abc/Alice')).toEqual({
			kind: 'user',
			arn: 'arn:aws:iam::123456789012:user/division_abc/Alice',
			partition: 'aws',
			account: '123456789012',
		});
	});

	it('recognises a role session and names the role, whose ARN has no path', () => {
		const principal = principalOf('arn:aws:sts::123456789012:assumed-role/my-role-name/my-role-session-name');
		expect(principal).toEqual({
			kind: 'assumed-role',
			roleName: 'my-role-name',
			partition: 'aws',
			account: '123456789012',
		});
		if (principal.kind !== 'assumed-role') throw new Error('unreachable');
		expect(pathlessRoleArn(principal)).toBe('arn:aws:iam::123456789012:role/my-role-name');
	});

	it('recognises the root user, a federated user and other partitions', () => {
		expect(principalOf('arn:aws:iam::123456789012:root').kind).toBe('root');
		expect(principalOf('arn:aws:sts::123456789012:federated-user/Bob').kind).toBe('federated-user');
		expect(principalOf('arn:aws-cn:sts::123456789012:assumed-role/R/s')).toMatchObject({ partition: 'aws-cn' });
		expect(principalOf('not an arn').kind).toBe('unknown');
	});
});

describe('accountRegionFor', () => {
	it('keeps a Region every account can use, and moves off opt-in, unknown or missing ones', () => {
		expect(accountRegionFor('eu-west-1')).toBe('eu-west-1');
		expect(accountRegionFor('af-south-1')).toBe('us-east-1');
		expect(accountRegionFor('eu-wset-1')).toBe('us-east-1');
		expect(accountRegionFor(null)).toBe('us-east-1');
		expect(accountRegionFor('us-gov-west-9')).toBe('us-gov-west-1');
	});
});
