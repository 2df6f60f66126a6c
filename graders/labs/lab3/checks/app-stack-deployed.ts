import type { Stack } from '../../../collectors/cloudformation/stacks.ts';
import { ReadFailed } from '../../../engine/errors.ts';
import type { CheckDefinition } from '../../../engine/types.ts';
import { appResources, appStackReads, describeApp, isDeployed, lab3Stacks } from '../facts/app-stack.ts';

/** What a learner should do about a stack that exists but is not usable, by status. */
function adviceFor(status: string): string {
	if (status === 'ROLLBACK_COMPLETE') return 'its first deployment failed: read its events, delete it and deploy again';
	if (status.endsWith('_FAILED')) return 'its last operation failed: read its events in the CloudFormation console';
	return 'it is not in a *_COMPLETE state';
}

const inProgress = (stack: Stack) => stack.status.endsWith('_IN_PROGRESS');

/**
 * A stack that CloudFormation is still creating, updating or rolling back has no verdict yet: its
 * next status decides. That is the grader's "not yet", never the learner's failure, so it is reported
 * as an error (not counted) that says when to run the check again.
 */
function notYetGradable(stacks: readonly Stack[]): ReadFailed {
	const states = stacks.map((stack) => `"${stack.stackName}" is ${stack.status}`).join('; ');
	return new ReadFailed({
		kind: 'other',
		service: 'cloudformation',
		operation: 'DescribeStacks',
		message: `${states}: CloudFormation is still working on it, so there is nothing to grade yet. Wait until it reaches a *_COMPLETE or *_FAILED status (aws cloudformation wait stack-create-complete, or watch its Events tab), then run the check again. This is not counted against you.`,
	});
}

export const appStackDeployed: CheckDefinition = {
	id: 'app-stack-deployed',
	reads: appStackReads,
	evaluate(view) {
		const stacks = lab3Stacks(view);
		if (stacks.length === 0) {
			return {
				status: 'fail',
				message: `No CloudFormation stack in ${view.region} is marked as Lab 3 (an SreLab output or the tag sre-lab=lab3).`,
			};
		}
		if (!stacks.some(isDeployed)) {
			const changing = stacks.filter(inProgress);
			if (changing.length > 0) throw notYetGradable(changing);
			const states = stacks.map((stack) => `"${stack.stackName}" is ${stack.status}: ${adviceFor(stack.status)}`);
			return { status: 'fail', message: `${states.join('; ')}.`, evidence: stacks.map((stack) => stack.stackId) };
		}
		const app = appResources(view);
		const evidence = app.stacks.map((stack) => stack.stackId);
		const missing = [
			app.functionNames.length < 2 ? 'two Lambda functions' : null,
			app.apiIds.length === 0 ? 'an HTTP API' : null,
			app.tableNames.length === 0 ? 'a DynamoDB table' : null,
		].filter((item): item is string => item !== null);
		if (missing.length > 0) {
			return {
				status: 'fail',
				message: `The Lab 3 stack lacks ${missing.join(', ')} (found ${describeApp(app)}): deploy labs/lab3/app/template.yaml unchanged.`,
				evidence,
			};
		}
		const names = app.stacks.map((stack) => `"${stack.stackName}" (${stack.status})`).join(', ');
		return { status: 'pass', message: `Stack ${names} runs the application: ${describeApp(app)}.`, evidence };
	},
};
