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

	it('still passes without a public IPv4 address, and says what that means for reaching it', () => {
		const snapshot = editRead<Ec2Instance[]>(loadFixture('passing'), 'ec2.instances', (instances) =>
			instances.map((instance) => ({ ...instance, publicIp: null })),
		);
		expect(gradeCheck(snapshot, id)).toMatchObject({
			status: 'pass',
			message: expect.stringContaining('It has no public IPv4 address'),
		});
		expect(gradeCheck(loadFixture('passing'), id).message).not.toContain('public IPv4');
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

	const withWebGroupRules = (rules: SecurityGroup['inbound'], extra: SecurityGroup[] = []) =>
		editRead<SecurityGroup[]>(loadFixture('passing'), 'ec2.security-groups', (groups) => [
			...groups.map((group) => (group.groupId === webGroup ? { ...group, inbound: rules } : group)),
			...extra,
		]);

	it('accepts HTTPS from a CIDR, and all traffic (protocol -1, every port) from a prefix list', () => {
		for (const rule of [
			{ protocol: 'tcp', fromPort: 443, toPort: 443, sources: ['10.0.0.0/8'] },
			{ protocol: '-1', fromPort: null, toPort: null, sources: ['pl-0123456789abcdef0'] },
		]) {
			expect(gradeCheck(withWebGroupRules([rule]), id).status).toBe('pass');
		}
		expect(
			gradeCheck(withWebGroupRules([{ protocol: '-1', fromPort: null, toPort: null, sources: ['0.0.0.0/0'] }]), id)
				.message,
		).toContain('allows inbound all traffic (protocol -1: every protocol and port) from 0.0.0.0/0');
	});

	it("fails an instance only in the VPC's default group (all traffic, only from members of that same group)", () => {
		// DescribeSecurityGroups' shape for a default group: IpProtocol -1 with a UserIdGroupPair naming itself.
		const snapshot = withWebGroupRules([{ protocol: '-1', fromPort: null, toPort: null, sources: [webGroup] }]);
		const result = gradeCheck(snapshot, id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain(
			`${webGroup} allows all traffic (protocol -1: every protocol and port) only from members of ${webGroup}`,
		);
		expect(result.message).toContain('nothing outside can reach the web server');
		expect(gradeCheck(snapshot, 'access-log-shipped').status).toBe('skipped');
	});

	it('fails TCP 80 from a group that is itself reachable only from inside', () => {
		const internal: SecurityGroup = {
			groupId: 'sg-0internal00000001',
			groupName: 'internal',
			inbound: [{ protocol: 'tcp', fromPort: 22, toPort: 22, sources: ['203.0.113.0/24'] }],
		};
		const snapshot = withWebGroupRules(
			[{ protocol: 'tcp', fromPort: 80, toPort: 80, sources: [internal.groupId] }],
			[internal],
		);
		expect(gradeCheck(snapshot, id).status).toBe('fail');
	});

	it("passes TCP 80 from a load balancer's group that admits HTTPS from the internet", () => {
		const alb: SecurityGroup = {
			groupId: 'sg-0alb000000000001',
			groupName: 'lab1-alb',
			inbound: [{ protocol: 'tcp', fromPort: 443, toPort: 443, sources: ['0.0.0.0/0', '::/0'] }],
		};
		const snapshot = withWebGroupRules([{ protocol: 'tcp', fromPort: 80, toPort: 80, sources: [alb.groupId] }], [alb]);
		const result = gradeCheck(snapshot, id);
		expect(result.status).toBe('pass');
		expect(result.message).toContain(`from ${alb.groupId}, which itself admits web traffic from 0.0.0.0/0, ::/0`);
		expect(result.evidence).toEqual(['i-0a1b2c3d4e5f60718', webGroup, alb.groupId]);
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
