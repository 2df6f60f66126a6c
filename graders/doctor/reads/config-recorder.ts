import {
	ConfigServiceClient,
	type ConfigurationRecorder,
	type ConfigurationRecorderStatus,
	DescribeConfigurationRecorderStatusCommand,
	DescribeConfigurationRecordersCommand,
} from '@aws-sdk/client-config-service';
import type { Collector } from '../../engine/types.ts';

/** What the doctor keeps of the Region's customer-managed configuration recorder and its status. */
export interface ConfigRecorder {
	name: string;
	/** RecordingGroup: `allSupported`, `recordingStrategy.useOnly`, and the listed or excluded types. */
	allSupported: boolean;
	/** ALL_SUPPORTED_RESOURCE_TYPES, INCLUSION_BY_RESOURCE_TYPES or EXCLUSION_BY_RESOURCE_TYPES; null when absent. */
	strategy: string | null;
	resourceTypes: string[];
	excludedResourceTypes: string[];
	/** RecordingMode: CONTINUOUS or DAILY, and the types recorded at another frequency. */
	frequency: string | null;
	frequencyOverrides: { frequency: string; resourceTypes: string[] }[];
	/** From DescribeConfigurationRecorderStatus; null when the status listed no entry for this recorder. */
	recording: boolean | null;
	/** Pending, Success, Failure or NotApplicable: how the latest recording event went. */
	lastStatus: string | null;
	lastErrorCode: string | null;
	lastErrorMessage: string | null;
}

function toRecorder(recorder: ConfigurationRecorder, status: ConfigurationRecorderStatus | undefined): ConfigRecorder {
	const group = recorder.recordingGroup;
	return {
		name: recorder.name ?? 'unnamed',
		allSupported: group?.allSupported === true,
		strategy: group?.recordingStrategy?.useOnly ?? null,
		resourceTypes: [...(group?.resourceTypes ?? [])],
		excludedResourceTypes: [...(group?.exclusionByResourceTypes?.resourceTypes ?? [])],
		frequency: recorder.recordingMode?.recordingFrequency ?? null,
		frequencyOverrides: (recorder.recordingMode?.recordingModeOverrides ?? []).map((override) => ({
			frequency: override.recordingFrequency ?? '',
			resourceTypes: [...(override.resourceTypes ?? [])],
		})),
		recording: status?.recording ?? null,
		lastStatus: status?.lastStatus ?? null,
		lastErrorCode: status?.lastErrorCode ?? null,
		lastErrorMessage: status?.lastErrorMessage ?? null,
	};
}

/**
 * The Region's customer-managed AWS Config recorder (a Region has at most one) with whether it records,
 * for Lab 4's step 6. Both calls are made without a name: the API reference says they then describe the
 * customer-managed recorder only. Service-linked recorders (created by another AWS service, with a
 * `servicePrincipal`) are skipped should any be listed: the learner can neither reuse nor stop them.
 * Empty when there is none.
 */
export const configRecorder: Collector<ConfigRecorder[]> = {
	id: 'config.configuration-recorder',
	description: "The Region's customer-managed AWS Config configuration recorder and whether it is recording",
	iamActions: ['config:DescribeConfigurationRecorders', 'config:DescribeConfigurationRecorderStatus'],
	async collect({ clients }) {
		const config = clients.get(ConfigServiceClient);
		const { ConfigurationRecorders: recorders = [] } = await config.send(new DescribeConfigurationRecordersCommand({}));
		const own = recorders.filter((recorder) => !recorder.servicePrincipal);
		if (own.length === 0) return [];
		const { ConfigurationRecordersStatus: statuses = [] } = await config.send(
			new DescribeConfigurationRecorderStatusCommand({}),
		);
		return own.map((recorder) =>
			toRecorder(
				recorder,
				statuses.find((status) =>
					recorder.arn && status.arn ? status.arn === recorder.arn : status.name === recorder.name,
				),
			),
		);
	},
};
