import { apigatewaySreLabApiStages } from '../../collectors/apigateway/sre-lab-api-stages.ts';
import { cloudformationSreLabStackResources } from '../../collectors/cloudformation/sre-lab-stack-resources.ts';
import { cloudformationStacks } from '../../collectors/cloudformation/stacks.ts';
import { cloudtrailSetAlarmStateEvents } from '../../collectors/cloudtrail/set-alarm-state-events.ts';
import { cloudwatchAlarmHistory } from '../../collectors/cloudwatch/alarm-history.ts';
import { cloudwatchCompositeAlarms } from '../../collectors/cloudwatch/composite-alarms.ts';
import { cloudwatchDashboards } from '../../collectors/cloudwatch/dashboards.ts';
import { cloudwatchMetricAlarms } from '../../collectors/cloudwatch/metric-alarms.ts';
import { lambdaSreLabFunctionConfigurations } from '../../collectors/lambda/sre-lab-function-configurations.ts';
import { snsTopicSubscriptions } from '../../collectors/sns/topic-subscriptions.ts';
import { ssmLab3FaultHistory } from '../../collectors/ssm/lab3-fault-history.ts';
import { xrayServiceGraph } from '../../collectors/xray/service-graph.ts';
import { xrayTraceDestination } from '../../collectors/xray/trace-destination.ts';
import { xrayTraceSummaries } from '../../collectors/xray/trace-summaries.ts';
import { defineLab } from '../../engine/define-lab.ts';
import { loadManifest } from '../../manifest/load-manifest.ts';
import { alarmTopicConfirmed } from './checks/alarm-topic-confirmed.ts';
import { appStackDeployed } from './checks/app-stack-deployed.ts';
import { degradationDetected } from './checks/degradation-detected.ts';
import { errorRateAlarmNotifies } from './checks/error-rate-alarm-notifies.ts';
import { goldenSignalsDashboard } from './checks/golden-signals-dashboard.ts';
import { latencyAlarmNotifies } from './checks/latency-alarm-notifies.ts';
import { tracesShowServiceGraph } from './checks/traces-show-service-graph.ts';
import { tracingEnabled } from './checks/tracing-enabled.ts';

export const lab3ManifestUrl = new URL('../../../labs/lab3/manifest.yaml', import.meta.url);

export const lab3 = defineLab({
	manifest: loadManifest(lab3ManifestUrl),
	checks: [
		appStackDeployed,
		tracingEnabled,
		tracesShowServiceGraph,
		goldenSignalsDashboard,
		latencyAlarmNotifies,
		errorRateAlarmNotifies,
		alarmTopicConfirmed,
		degradationDetected,
	],
	collectors: [
		cloudformationStacks,
		cloudformationSreLabStackResources,
		lambdaSreLabFunctionConfigurations,
		apigatewaySreLabApiStages,
		xrayTraceSummaries,
		xrayServiceGraph,
		xrayTraceDestination,
		cloudwatchDashboards,
		cloudwatchMetricAlarms,
		cloudwatchCompositeAlarms,
		snsTopicSubscriptions,
		cloudwatchAlarmHistory,
		cloudtrailSetAlarmStateEvents,
		ssmLab3FaultHistory,
	],
});
