import { isKnownRegion, isOptInRegion } from '../engine/regions.ts';

/**
 * Where to make the account-wide reads (who the caller is, which Regions are enabled, IAM). In the
 * learner's Region when every account can use it; otherwise in the partition's first Region, which is
 * always enabled, so a Region that is disabled or misspelt shows up as exactly that, not as
 * "credentials rejected" (AWS's answer to any call in a disabled Region).
 */
export function accountRegionFor(region: string | null): string {
	if (region && isKnownRegion(region) && !isOptInRegion(region)) return region;
	if (region?.startsWith('cn-')) return 'cn-north-1';
	if (region?.startsWith('us-gov-')) return 'us-gov-west-1';
	return 'us-east-1';
}
