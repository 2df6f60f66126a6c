// Shapes of the AWS identifiers a roster carries. Checked up front so that a typo in a roster is
// reported with its line number instead of surfacing later as an opaque AssumeRole failure.

export const accountIdPattern = /^\d{12}$/;

// Commercial, China and GovCloud regions all follow `<area>-<direction>-<digit>` (us-east-1,
// ap-southeast-2, us-gov-west-1, cn-north-1).
export const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export const roleArnPattern = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/([\w+=,.@/-]{1,512})$/;

// STS accepts 2–1224 characters from this set for an ExternalId.
export const externalIdPattern = /^[\w+=,.@:/-]{2,1224}$/;

// IAM role names: up to 64 characters of letters, digits and +=,.@_- .
export const roleNamePattern = /^[\w+=,.@-]{1,64}$/;

export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

/** The partition a region lives in decides the ARN prefix of the role to assume. */
export function partitionForRegion(region: string): Partition {
	if (region.startsWith('cn-')) return 'aws-cn';
	if (region.startsWith('us-gov-')) return 'aws-us-gov';
	return 'aws';
}

export function graderRoleArn(accountId: string, roleName: string, region: string): string {
	return `arn:${partitionForRegion(region)}:iam::${accountId}:role/${roleName}`;
}

/** The account id inside a role ARN, or null when the text is not a role ARN. */
export function accountOfRoleArn(roleArn: string): string | null {
	return roleArnPattern.exec(roleArn)?.[2] ?? null;
}
