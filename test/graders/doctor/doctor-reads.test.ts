import { describe, expect, it } from 'vitest';
import { doctorReads } from '../../../graders/doctor/reads/index.ts';
import { generateGraderPolicy } from '../../../graders/engine/policy.ts';
import { isReadOperation } from '../../../graders/engine/read-only-guard.ts';
import { collectorsForLabs, labIds } from '../../../graders/labs/index.ts';

describe("the doctor's declared reads", () => {
	it('are read operations only', () => {
		const actions = doctorReads.flatMap((read) => read.iamActions);
		expect(actions.filter((action) => !isReadOperation(action.split(':')[1] ?? ''))).toEqual([]);
	});

	it('stay out of the grader policy: instructors never need them', () => {
		const granted = generateGraderPolicy(collectorsForLabs(labIds())).Statement.flatMap(
			(statement) => statement.Action,
		);
		for (const action of [
			'ec2:DescribeRegions',
			'ec2:DescribeVpcs',
			'lambda:GetAccountSettings',
			'fis:GetAction',
			'config:DescribeConfigurationRecorders',
			'config:DescribeConfigurationRecorderStatus',
		]) {
			expect(doctorReads.some((read) => read.iamActions.includes(action))).toBe(true);
			expect(granted).not.toContain(action);
		}
	});
});
