import { describe, expect, it } from 'vitest';
import type { Ec2Instance } from '../../../../graders/collectors/ec2/instances.ts';
import type { ManagedInstance } from '../../../../graders/collectors/ssm/instance-information.ts';
import { accessDenied, editRead, failRead } from '../../support/snapshot-edit.ts';
import { fleetIds } from './support/lab2-account.ts';
import { gradeLab2Check, loadLab2Fixture } from './support/lab2-fixtures.ts';

const editInstances = (edit: (instances: Ec2Instance[]) => void) =>
	editRead<Ec2Instance[]>(loadLab2Fixture('passing'), 'ec2.instances', (instances) => {
		edit(instances);
		return instances;
	});
const instance = (instances: Ec2Instance[], id: string) => {
	const found = instances.find((candidate) => candidate.instanceId === id);
	if (!found) throw new Error(`fixture has no ${id}`);
	return found;
};

describe('fleet-tagged', () => {
	it('passes with two running instances tagged for the lab with a PatchGroup', () => {
		const result = gradeLab2Check(loadLab2Fixture('passing'), 'fleet-tagged');
		expect(result.status).toBe('pass');
		expect(result.evidence).toEqual([...fleetIds]);
	});

	it('fails when no instance carries the lab tag', () => {
		const snapshot = editInstances((instances) => {
			for (const candidate of instances) delete candidate.tags['sre-lab'];
		});
		const result = gradeLab2Check(snapshot, 'fleet-tagged');
		expect(result.status).toBe('fail');
		expect(result.message).toBe('No EC2 instance in eu-west-1 has the tag sre-lab=lab2.');
	});

	it('fails when an instance lacks the PatchGroup tag, and names it', () => {
		const snapshot = editInstances((instances) => {
			delete instance(instances, fleetIds[1]).tags.PatchGroup;
		});
		const result = gradeLab2Check(snapshot, 'fleet-tagged');
		expect(result.status).toBe('fail');
		expect(result.message).toContain(`${fleetIds[1]} (running, no PatchGroup tag)`);
	});

	it('fails when one of the two is stopped', () => {
		const snapshot = editInstances((instances) => {
			instance(instances, fleetIds[0]).state = 'stopped';
		});
		const result = gradeLab2Check(snapshot, 'fleet-tagged');
		expect(result.status).toBe('fail');
		expect(result.message).toContain(`${fleetIds[0]} (stopped)`);
	});

	it('is an error when the instances cannot be read', () => {
		const result = gradeLab2Check(
			failRead(loadLab2Fixture('passing'), 'ec2.instances', accessDenied('ec2:DescribeInstances')),
			'fleet-tagged',
		);
		expect(result.status).toBe('error');
		expect(result.message).toContain('ec2:DescribeInstances');
	});
});

describe('fleet-managed', () => {
	const editManaged = (edit: (nodes: ManagedInstance[]) => ManagedInstance[]) =>
		editRead<ManagedInstance[]>(loadLab2Fixture('passing'), 'ssm.instance-information', edit);

	it('passes when every instance of the fleet is Online', () => {
		expect(gradeLab2Check(loadLab2Fixture('passing'), 'fleet-managed').status).toBe('pass');
	});

	it('fails when an instance lost its connection', () => {
		const snapshot = editManaged((nodes) =>
			nodes.map((node) => (node.instanceId === fleetIds[1] ? { ...node, pingStatus: 'ConnectionLost' } : node)),
		);
		const result = gradeLab2Check(snapshot, 'fleet-managed');
		expect(result.status).toBe('fail');
		expect(result.message).toContain(`${fleetIds[1]} is ConnectionLost`);
	});

	it('fails when an instance never registered (no instance profile or agent)', () => {
		const snapshot = editManaged((nodes) => nodes.filter((node) => node.instanceId !== fleetIds[0]));
		const result = gradeLab2Check(snapshot, 'fleet-managed');
		expect(result.status).toBe('fail');
		expect(result.message).toContain(`${fleetIds[0]} is not registered with Systems Manager`);
	});

	it('is skipped until the fleet is tagged', () => {
		const snapshot = editRead<Ec2Instance[]>(loadLab2Fixture('passing'), 'ec2.instances', () => []);
		const result = gradeLab2Check(snapshot, 'fleet-managed');
		expect(result.status).toBe('skipped');
		expect(result.message).toMatch(/^Complete step 1 first/);
	});

	it('is an error when Systems Manager cannot be read', () => {
		const snapshot = failRead(
			loadLab2Fixture('passing'),
			'ssm.instance-information',
			accessDenied('ssm:DescribeInstanceInformation'),
		);
		expect(gradeLab2Check(snapshot, 'fleet-managed').status).toBe('error');
	});
});
