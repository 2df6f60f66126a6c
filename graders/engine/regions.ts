/**
 * AWS Regions as of late 2026 (the SDK's partitions data for aws, aws-cn, aws-us-gov and aws-eusc). Used only to
 * word errors: when an endpoint's name does not resolve, a Region missing from this list is far more
 * likely a typo than a network problem.
 */
const knownRegions: ReadonlySet<string> = new Set([
	'af-south-1',
	'ap-east-1',
	'ap-east-2',
	'ap-northeast-1',
	'ap-northeast-2',
	'ap-northeast-3',
	'ap-south-1',
	'ap-south-2',
	'ap-southeast-1',
	'ap-southeast-2',
	'ap-southeast-3',
	'ap-southeast-4',
	'ap-southeast-5',
	'ap-southeast-6',
	'ap-southeast-7',
	'ca-central-1',
	'ca-west-1',
	'cn-north-1',
	'cn-northwest-1',
	'eu-central-1',
	'eu-central-2',
	'eu-north-1',
	'eu-south-1',
	'eu-south-2',
	'eu-west-1',
	'eu-west-2',
	'eu-west-3',
	'eusc-de-east-1',
	'il-central-1',
	'me-central-1',
	'me-south-1',
	'me-west-1',
	'mx-central-1',
	'sa-east-1',
	'sa-west-1',
	'us-east-1',
	'us-east-2',
	'us-gov-east-1',
	'us-gov-west-1',
	'us-west-1',
	'us-west-2',
]);

/**
 * Regions an account cannot use until someone enables them (every Region launched since 2019). In
 * one that is not enabled, AWS answers with InvalidClientTokenId, which looks like bad credentials.
 */
const optInRegions: ReadonlySet<string> = new Set([
	'af-south-1',
	'ap-east-1',
	'ap-east-2',
	'ap-south-2',
	'ap-southeast-3',
	'ap-southeast-4',
	'ap-southeast-5',
	'ap-southeast-6',
	'ap-southeast-7',
	'ca-west-1',
	'eu-central-2',
	'eu-south-1',
	'eu-south-2',
	'il-central-1',
	'me-central-1',
	'me-south-1',
	'me-west-1',
	'mx-central-1',
	'sa-west-1',
]);

export const isKnownRegion = (region: string): boolean => knownRegions.has(region);
export const isOptInRegion = (region: string): boolean => optInRegions.has(region);
