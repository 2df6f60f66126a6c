import { cloudformationDriftDetections } from '../../collectors/cloudformation/drift-detections.ts';
import { cloudformationSreLabStackResources } from '../../collectors/cloudformation/sre-lab-stack-resources.ts';
import { cloudformationStacks } from '../../collectors/cloudformation/stacks.ts';
import { cloudtrailSetAlarmStateEvents } from '../../collectors/cloudtrail/set-alarm-state-events.ts';
import { cloudwatchAlarmHistory } from '../../collectors/cloudwatch/alarm-history.ts';
import { cloudwatchCompositeAlarms } from '../../collectors/cloudwatch/composite-alarms.ts';
import { cloudwatchMetricAlarms } from '../../collectors/cloudwatch/metric-alarms.ts';
import { configRuleEvaluations } from '../../collectors/config/rule-evaluations.ts';
import { eventsAlarmStateRules } from '../../collectors/events/alarm-state-rules.ts';
import { fisLab4ExperimentTemplates } from '../../collectors/fis/lab4-experiment-templates.ts';
import { fisLab4Experiments } from '../../collectors/fis/lab4-experiments.ts';
import { iamFisRoleScope } from '../../collectors/iam/fis-role-scope.ts';
import { lambdaFunctionTags } from '../../collectors/lambda/functions.ts';
import { ssmAutomationExecutions } from '../../collectors/ssm/automation-executions.ts';
import { ssmLab4OpsItems } from '../../collectors/ssm/lab4-ops-items.ts';
import { defineLab } from '../../engine/define-lab.ts';
import { loadManifest } from '../../manifest/load-manifest.ts';
import { configRuleReports } from './checks/config-rule-reports.ts';
import { driftDetectedAndFixed } from './checks/drift-detected-and-fixed.ts';
import { experimentRan } from './checks/experiment-ran.ts';
import { experimentTemplateReady } from './checks/experiment-template-ready.ts';
import { faultDetected } from './checks/fault-detected.ts';
import { postmortemRecorded } from './checks/postmortem-recorded.ts';
import { remediationRan } from './checks/remediation-ran.ts';

export const lab4ManifestUrl = new URL('../../../labs/lab4/manifest.yaml', import.meta.url);

export const lab4 = defineLab({
	manifest: loadManifest(lab4ManifestUrl),
	checks: [
		experimentTemplateReady,
		experimentRan,
		faultDetected,
		remediationRan,
		driftDetectedAndFixed,
		configRuleReports,
		postmortemRecorded,
	],
	collectors: [
		cloudformationStacks,
		cloudformationSreLabStackResources,
		lambdaFunctionTags,
		fisLab4ExperimentTemplates,
		iamFisRoleScope,
		fisLab4Experiments,
		cloudwatchMetricAlarms,
		cloudwatchCompositeAlarms,
		cloudwatchAlarmHistory,
		cloudtrailSetAlarmStateEvents,
		eventsAlarmStateRules,
		ssmAutomationExecutions,
		cloudformationDriftDetections,
		configRuleEvaluations,
		ssmLab4OpsItems,
	],
});
