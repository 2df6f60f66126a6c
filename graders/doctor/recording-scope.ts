/**
 * What an AWS Config recorder's recording group and mode mean for Lab 4's step 6, whose rule evaluates
 * Lambda functions. Pure. The rules are the API reference's for RecordingGroup and RecordingMode.
 */
import type { ConfigRecorder } from './reads/config-recorder.ts';

export const lab4RecordedType = 'AWS::Lambda::Function';

type Scope = Pick<ConfigRecorder, 'allSupported' | 'strategy' | 'resourceTypes' | 'excludedResourceTypes'>;

/**
 * Whether the recorder records Lambda functions: every supported type (`allSupported`, or the strategy
 * ALL_SUPPORTED_RESOURCE_TYPES), every type but the excluded ones (EXCLUSION_BY_RESOURCE_TYPES), or the
 * listed ones (INCLUSION_BY_RESOURCE_TYPES, or no strategy with `resourceTypes`).
 */
export function recordsLambdaFunctions(scope: Scope): boolean {
	if (scope.allSupported || scope.strategy === 'ALL_SUPPORTED_RESOURCE_TYPES') return true;
	if (scope.strategy === 'EXCLUSION_BY_RESOURCE_TYPES') return !scope.excludedResourceTypes.includes(lab4RecordedType);
	return scope.resourceTypes.includes(lab4RecordedType);
}

/**
 * How often Lambda functions are recorded: an override that lists the type wins over the recorder's
 * default frequency, which is CONTINUOUS when not set.
 */
export function lambdaRecordingFrequency(recorder: Pick<ConfigRecorder, 'frequency' | 'frequencyOverrides'>): string {
	const override = recorder.frequencyOverrides.find((entry) => entry.resourceTypes.includes(lab4RecordedType));
	return override?.frequency || recorder.frequency || 'CONTINUOUS';
}
