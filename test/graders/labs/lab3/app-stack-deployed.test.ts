import { describe, expect, it } from 'vitest';
import type { StackResource } from '../../../../graders/collectors/cloudformation/sre-lab-stack-resources.ts';
import type { Stack } from '../../../../graders/collectors/cloudformation/stacks.ts';
import type { PerResource } from '../../../../graders/engine/types.ts';
import { app } from './support/lab3-account.ts';
import { accessDenied, editRead, failRead, gradeCheck, loadFixture } from './support/snapshot-edit.ts';

const id = 'app-stack-deployed';
const editStacks = (edit: (stacks: Stack[]) => void) =>
	editRead<Stack[]>(loadFixture('passing'), 'cloudformation.stacks', edit);
const appStack = (stacks: Stack[]) => stacks.find((stack) => stack.stackId === app.stackId) as Stack;

describe(id, () => {
	it('passes for the tagged stack in UPDATE_COMPLETE and names its resources', () => {
		const result = gradeCheck(loadFixture('passing'), id);
		expect(result.status).toBe('pass');
		expect(result.message).toContain(`Stack "${app.stackName}" (UPDATE_COMPLETE)`);
		expect(result.message).toContain(`API ${app.apiId}`);
		expect(result.evidence).toEqual([app.stackId]);
	});

	it('recognises the stack by its SreLab output when the tag was forgotten', () => {
		const snapshot = editStacks((stacks) => {
			appStack(stacks).tags = {};
		});
		expect(gradeCheck(snapshot, id).status).toBe('pass');
	});

	it('fails when no stack is marked as Lab 3, whatever the stacks are called', () => {
		const snapshot = editStacks((stacks) => {
			appStack(stacks).tags = {};
			appStack(stacks).outputs = { ApiUrl: 'https://x' };
		});
		const result = gradeCheck(snapshot, id);
		expect(result.status).toBe('fail');
		expect(result.message).toBe(
			'No CloudFormation stack in eu-west-1 is marked as Lab 3 (an SreLab output or the tag sre-lab=lab3).',
		);
	});

	it.each([
		['ROLLBACK_COMPLETE', 'its first deployment failed'],
		['UPDATE_ROLLBACK_FAILED', 'its last operation failed'],
	])('fails a stack in %s and says what to do', (status, advice) => {
		const snapshot = editStacks((stacks) => {
			appStack(stacks).status = status;
		});
		const result = gradeCheck(snapshot, id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain(`"${app.stackName}" is ${status}: ${advice}`);
	});

	it.each(['CREATE_IN_PROGRESS', 'UPDATE_ROLLBACK_IN_PROGRESS', 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS'])(
		'reports a stack in %s as not gradable yet (error, not counted), never as a failure',
		(status) => {
			const snapshot = editStacks((stacks) => {
				appStack(stacks).status = status;
			});
			const result = gradeCheck(snapshot, id);
			expect(result.status).toBe('error');
			expect(result.message).toContain(`"${app.stackName}" is ${status}: CloudFormation is still working on it`);
			expect(result.message).toContain('run the check again');
			expect(gradeCheck(snapshot, 'tracing-enabled').status).toBe('skipped');
		},
	);

	it('grades the deployed stack when another Lab 3 stack is still being created', () => {
		const snapshot = editStacks((stacks) => {
			stacks.push({ ...appStack(stacks), stackName: 'sre-lab3-app-2', stackId: 'other', status: 'CREATE_IN_PROGRESS' });
		});
		expect(gradeCheck(snapshot, id).status).toBe('pass');
	});

	it('fails a Lab 3 stack that lacks the application resources', () => {
		const snapshot = editRead<PerResource<StackResource[]>>(
			loadFixture('passing'),
			'cloudformation.sre-lab-stack-resources',
			(perStack) => {
				const outcome = perStack[app.stackId];
				if (outcome?.ok) outcome.data = outcome.data.filter((resource) => resource.type !== 'AWS::DynamoDB::Table');
			},
		);
		const result = gradeCheck(snapshot, id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('lacks a DynamoDB table');
	});

	it('is an error, not a failure, when stacks cannot be listed', () => {
		const result = gradeCheck(
			failRead(loadFixture('passing'), 'cloudformation.stacks', accessDenied('cloudformation:DescribeStacks')),
			id,
		);
		expect(result.status).toBe('error');
		expect(result.message).toContain('cloudformation:DescribeStacks');
	});

	it("is an error when the stack's resources cannot be listed", () => {
		const snapshot = editRead<PerResource<StackResource[]>>(
			loadFixture('passing'),
			'cloudformation.sre-lab-stack-resources',
			() => ({
				[app.stackId]: { ok: false, error: accessDenied('cloudformation:ListStackResources') },
			}),
		);
		expect(gradeCheck(snapshot, id)).toMatchObject({
			status: 'error',
			message: expect.stringContaining('ListStackResources'),
		});
	});
});
