import { isOptInRegion } from '../engine/regions.ts';

/**
 * Every account can use us-east-1: it is on by default, and no instructor can switch it off.
 * All opt-in Regions are in the `aws` partition, whose default Region it is.
 */
export const alwaysEnabledStsRegion = 'us-east-1';

/**
 * The Region whose STS endpoint assumes a learner's grader role. AssumeRole runs with the
 * instructor's credentials, so it must be a Region enabled in the instructor's account, which a
 * learner's opt-in Region (e.g. af-south-1) may not be: STS would then answer InvalidClientTokenId
 * and every such learner would read "check role/trust/external id". Credentials from a regional
 * STS endpoint are valid in every Region, opt-in ones included, so the learner's reads still work.
 * A Region on by default stays as is: its endpoint is closest, and is enabled everywhere.
 */
export function stsRegionFor(learnerRegion: string): string {
	return isOptInRegion(learnerRegion) ? alwaysEnabledStsRegion : learnerRegion;
}
