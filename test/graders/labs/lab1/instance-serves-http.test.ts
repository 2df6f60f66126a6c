import { describe, expect, it } from 'vitest';
import type { Ec2Instance } from '../../../../graders/collectors/ec2/instances.ts';
import type { SecurityGroup } from '../../../../graders/collectors/ec2/security-groups.ts';
import { accessDenied, editRead, failRead, gradeCheck, loadFixture } from '../../support/snapshot-edit.ts';

const id = 'instance-serves-http';
const webGroup = 'sg-0web0000000000001';

describe(id, () => {
	it('passes for a running tagged instance whose security group opens port 80', () => {
		const result = gradeCheck(loadFixture('passing'), id);
		expect(result.status).toBe('pass');
		expect(result.message).toContain('i-0a1b2c3d4e5f60718 is running and sg-0web0000000000001 allows inbound TCP 80');
		expect(result.evidence).toEqual(['i-0a1b2c3d4e5f60718', webGroup]);
		expect(result.earned).toBe(10);
	});

	it('fails when no instance carries the lab tag', () => {
		const snapshot = editRead<Ec2Instance[]>(loadFixture('passing'), 'ec2.instances', (instances) =>
			instances.map((instance) => ({ ...instance, tags: { Name: 'web' } })),
		);
		const result = gradeCheck(snapshot, id);
		expect(result.status).toBe('fail');
		expect(result.message).toBe('No EC2 instance in eu-west-1 has the tag sre-lab=lab1.');
		expect(result.hint).toContain('sre-lab=lab1');
	});

	it('fails when the tagged instance is stopped', () => {
		const snapshot = editRead<Ec2Instance[]>(loadFixture('passing'), 'ec2.instances', (instances) =>
			instances.map((instance) => ({ ...instance, state: 'stopped' })),
		);
		expect(gradeCheck(snapshot, id).message).toBe('No tagged instance is running (i-0a1b2c3d4e5f60718 is stopped).');
	});

	it('fails when no security group lets web traffic in', () => {
		const snapshot = editRead<SecurityGroup[]>(loadFixture('passing'), 'ec2.security-groups', (groups) =>
			groups.map((group) => ({ ...group, inbound: group.inbound.filter((rule) => rule.fromPort === 22) })),
		);
		const result = gradeCheck(snapshot, id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('none of its security groups allows inbound TCP 80 or 443');
	});

	it('accepts HTTPS and all-traffic rules as well', () => {
		for (const rule of [
			{ protocol: 'tcp', fromPort: 443, toPort: 443, sources: ['10.0.0.0/8'] },
			{ protocol: '-1', fromPort: null, toPort: null, sources: ['sg-0alb'] },
		]) {
			const snapshot = editRead<SecurityGroup[]>(loadFixture('passing'), 'ec2.security-groups', (groups) =>
				groups.map((group) => (group.groupId === webGroup ? { ...group, inbound: [rule] } : group)),
			);
			expect(gradeCheck(snapshot, id).status).toBe('pass');
		}
	});

	it('is an error, not a failure, when DescribeInstances is denied', () => {
		const result = gradeCheck(
			failRead(loadFixture('passing'), 'ec2.instances', accessDenied('ec2:DescribeInstances')),
			id,
		);
		expect(result.status).toBe('error');
		expect(result.message).toContain('ec2:DescribeInstances');
		expect(result.earned).toBe(0);
	});
});
