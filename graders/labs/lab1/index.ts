import { applicationSignalsServiceLevelObjectives } from '../../collectors/application-signals/service-level-objectives.ts';
import { cloudwatchCompositeAlarms } from '../../collectors/cloudwatch/composite-alarms.ts';
import { cloudwatchDashboards } from '../../collectors/cloudwatch/dashboards.ts';
import { cloudwatchInstanceMetrics } from '../../collectors/cloudwatch/instance-metrics.ts';
import { cloudwatchMetricAlarms } from '../../collectors/cloudwatch/metric-alarms.ts';
import { ec2Instances } from '../../collectors/ec2/instances.ts';
import { ec2SecurityGroups } from '../../collectors/ec2/security-groups.ts';
import { iamInstanceProfileRoles } from '../../collectors/iam/instance-profile-roles.ts';
import { logsInstanceStreamSamples } from '../../collectors/logs/instance-stream-samples.ts';
import { logsLogGroups } from '../../collectors/logs/log-groups.ts';
import { logsMetricFilterTests } from '../../collectors/logs/metric-filter-tests.ts';
import { logsMetricFilters } from '../../collectors/logs/metric-filters.ts';
import { logsRecentLogStreams } from '../../collectors/logs/recent-log-streams.ts';
import { snsTopicSubscriptions } from '../../collectors/sns/topic-subscriptions.ts';
import { ssmSreLabParameters } from '../../collectors/ssm/sre-lab-parameters.ts';
import { defineLab } from '../../engine/define-lab.ts';
import { loadManifest } from '../../manifest/load-manifest.ts';
import { accessLogShipped } from './checks/access-log-shipped.ts';
import { agentPublishesMetrics } from './checks/agent-publishes-metrics.ts';
import { errorFilterCounts5xx } from './checks/error-filter-counts-5xx.ts';
import { instanceRoleCanPublish } from './checks/instance-role-can-publish.ts';
import { instanceServesHttp } from './checks/instance-serves-http.ts';
import { requestFilterCountsRequests } from './checks/request-filter-counts-requests.ts';
import { sliDashboard } from './checks/sli-dashboard.ts';
import { sloAlarmNotifies } from './checks/slo-alarm-notifies.ts';
import { sloRecorded } from './checks/slo-recorded.ts';
import { topicHasConfirmedSubscription } from './checks/topic-has-confirmed-subscription.ts';

export const lab1ManifestUrl = new URL('../../../labs/lab1/manifest.yaml', import.meta.url);

export const lab1 = defineLab({
	manifest: loadManifest(lab1ManifestUrl),
	checks: [
		instanceServesHttp,
		instanceRoleCanPublish,
		agentPublishesMetrics,
		accessLogShipped,
		errorFilterCounts5xx,
		requestFilterCountsRequests,
		sloAlarmNotifies,
		topicHasConfirmedSubscription,
		sloRecorded,
		sliDashboard,
	],
	collectors: [
		ec2Instances,
		ec2SecurityGroups,
		iamInstanceProfileRoles,
		cloudwatchInstanceMetrics,
		logsLogGroups,
		logsRecentLogStreams,
		logsInstanceStreamSamples,
		logsMetricFilters,
		logsMetricFilterTests,
		cloudwatchMetricAlarms,
		cloudwatchCompositeAlarms,
		snsTopicSubscriptions,
		ssmSreLabParameters,
		applicationSignalsServiceLevelObjectives,
		cloudwatchDashboards,
	],
});
