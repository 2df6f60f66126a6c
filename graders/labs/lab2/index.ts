import { cloudtrailSnapshotDeletionEvents } from '../../collectors/cloudtrail/snapshot-deletion-events.ts';
import { cloudwatchLambdaInvocationPeriods } from '../../collectors/cloudwatch/lambda-invocation-periods.ts';
import { ec2Instances } from '../../collectors/ec2/instances.ts';
import { ec2LabSnapshots } from '../../collectors/ec2/lab-snapshots.ts';
import { ec2SsmTargetTags } from '../../collectors/ec2/ssm-target-tags.ts';
import { eventsScheduledRules } from '../../collectors/events/scheduled-rules.ts';
import { iamLambdaExecutionRoles } from '../../collectors/iam/lambda-execution-roles.ts';
import { iamSchedulerRoles } from '../../collectors/iam/scheduler-roles.ts';
import { lambdaFunctionPolicies } from '../../collectors/lambda/function-policies.ts';
import { lambdaFunctions, lambdaFunctionTags } from '../../collectors/lambda/functions.ts';
import { resourceGroupsSsmTargetGroups } from '../../collectors/resource-groups/ssm-target-groups.ts';
import { schedulerLambdaSchedules } from '../../collectors/scheduler/lambda-schedules.ts';
import { ssmInstanceInformation } from '../../collectors/ssm/instance-information.ts';
import { ssmInstancePatchStates } from '../../collectors/ssm/instance-patch-states.ts';
import { ssmMaintenanceWindows } from '../../collectors/ssm/maintenance-windows.ts';
import { ssmPatchAssociationExecutions } from '../../collectors/ssm/patch-association-executions.ts';
import { ssmPatchAssociations } from '../../collectors/ssm/patch-associations.ts';
import { ssmPatchInstallCommands } from '../../collectors/ssm/patch-install-commands.ts';
import { defineLab } from '../../engine/define-lab.ts';
import { loadManifest } from '../../manifest/load-manifest.ts';
import { cleanupFunctionPermitted } from './checks/cleanup-function-permitted.ts';
import { cleanupRanCleanly } from './checks/cleanup-ran-cleanly.ts';
import { cleanupScheduled } from './checks/cleanup-scheduled.ts';
import { fleetManaged } from './checks/fleet-managed.ts';
import { fleetTagged } from './checks/fleet-tagged.ts';
import { patchingScheduled } from './checks/patching-scheduled.ts';
import { patchingSucceeded } from './checks/patching-succeeded.ts';
import { snapshotsCleaned } from './checks/snapshots-cleaned.ts';

export const lab2ManifestUrl = new URL('../../../labs/lab2/manifest.yaml', import.meta.url);

export const lab2 = defineLab({
	manifest: loadManifest(lab2ManifestUrl),
	checks: [
		fleetTagged,
		fleetManaged,
		patchingScheduled,
		patchingSucceeded,
		cleanupFunctionPermitted,
		cleanupScheduled,
		cleanupRanCleanly,
		snapshotsCleaned,
	],
	collectors: [
		ec2Instances,
		ssmInstanceInformation,
		ssmMaintenanceWindows,
		ssmPatchAssociations,
		ssmPatchAssociationExecutions,
		resourceGroupsSsmTargetGroups,
		ec2SsmTargetTags,
		ssmInstancePatchStates,
		ssmPatchInstallCommands,
		lambdaFunctions,
		lambdaFunctionTags,
		lambdaFunctionPolicies,
		iamLambdaExecutionRoles,
		eventsScheduledRules,
		schedulerLambdaSchedules,
		iamSchedulerRoles,
		cloudwatchLambdaInvocationPeriods,
		ec2LabSnapshots,
		cloudtrailSnapshotDeletionEvents,
	],
});
