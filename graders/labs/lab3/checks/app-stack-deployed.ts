import type { CheckDefinition } from '../../../engine/types.ts';
import { appResources, appStackReads, describeApp, isDeployed, lab3Stacks } from '../facts/app-stack.ts';

/** What a learner should do about a stack that exists but is not usable, by status. */
function adviceFor(status: string): string {
	if (status === 'ROLLBACK_COMPLETE') return 'its first deployment failed: read its events, delete it and deploy again';
	if (status.endsWith('_IN_PROGRESS')) return 'it is still being changed: wait for it to finish';
	if (status.endsWith('_FAILED')) return 'its last operation failed: read its events in the CloudFormation console';
	return 'it is not in a *_COMPLETE state';
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
