import type { StackResource } from '../../../collectors/cloudformation/sre-lab-stack-resources.ts';
import { sreLabOfStack } from '../../../collectors/cloudformation/sre-lab-stacks.ts';
import type { Stack } from '../../../collectors/cloudformation/stacks.ts';
import { requireOutcome } from '../../../engine/snapshot-view.ts';
import type { PerResource, SnapshotView } from '../../../engine/types.ts';

export const appStackReads = ['cloudformation.stacks', 'cloudformation.sre-lab-stack-resources'] as const;

/**
 * Statuses in which the stack's resources exist as the template describes them. ROLLBACK_COMPLETE
 * is left out on purpose: it means the first deployment failed and nothing usable remains.
 */
const deployedStatuses = new Set([
	'CREATE_COMPLETE',
	'UPDATE_COMPLETE',
	'UPDATE_ROLLBACK_COMPLETE',
	'IMPORT_COMPLETE',
	'IMPORT_ROLLBACK_COMPLETE',
]);

export function isDeployed(stack: Stack): boolean {
	return deployedStatuses.has(stack.status);
}

/** Every stack that says it belongs to Lab 3, whatever its status. */
export function lab3Stacks(view: SnapshotView): Stack[] {
	return view.read<Stack[]>('cloudformation.stacks').filter((stack) => sreLabOfStack(stack) === 'lab3');
}

/** What the grader needs to know to recognise the application's metrics, traces and alarms. */
export interface AppResources {
	stacks: Stack[];
	functionNames: string[];
	apiIds: string[];
	tableNames: string[];
}

const physicalIdsOf = (resources: readonly StackResource[], type: string) =>
	resources
		.filter((resource) => resource.type === type && resource.physicalId !== '')
		.map((resource) => resource.physicalId);

/** The deployed Lab 3 stacks and the names AWS gave their functions, API and table. */
export function appResources(view: SnapshotView): AppResources {
	const stacks = lab3Stacks(view).filter(isDeployed);
	const perStack = view.read<PerResource<StackResource[]>>('cloudformation.sre-lab-stack-resources');
	const resources = stacks.flatMap((stack) => {
		const outcome = perStack[stack.stackId];
		return outcome ? requireOutcome(outcome) : [];
	});
	return {
		stacks,
		functionNames: physicalIdsOf(resources, 'AWS::Lambda::Function').sort(),
		apiIds: physicalIdsOf(resources, 'AWS::ApiGatewayV2::Api').sort(),
		tableNames: physicalIdsOf(resources, 'AWS::DynamoDB::Table').sort(),
	};
}

/** "functions orders-fn, inventory-fn; API abc123; table t" — for messages. */
export function describeApp(app: AppResources): string {
	return [
		`functions ${app.functionNames.join(', ') || '(none)'}`,
		`API ${app.apiIds.join(', ') || '(none)'}`,
		`table ${app.tableNames.join(', ') || '(none)'}`,
	].join('; ');
}
