import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { Collector } from '../../engine/types.ts';

export interface RegionStatus {
	regionName: string;
	/** `opt-in-not-required`, `opted-in` or `not-opted-in` (EC2 API reference, Region). */
	optInStatus: string | null;
}

/**
 * Every Region of the partition with its opt-in status. AllRegions lists the ones not enabled for the
 * account too: without it, a disabled Region would look the same as a misspelt one.
 */
export const regions: Collector<RegionStatus[]> = {
	id: 'ec2.regions',
	description: 'The Regions of the partition and whether each is enabled for the account',
	iamActions: ['ec2:DescribeRegions'],
	async collect({ clients }) {
		const response = await clients.get(EC2Client).send(new DescribeRegionsCommand({ AllRegions: true }));
		return (response.Regions ?? [])
			.filter((region) => region.RegionName)
			.map((region) => ({ regionName: region.RegionName as string, optInStatus: region.OptInStatus ?? null }))
			.sort((a, b) => a.regionName.localeCompare(b.regionName));
	},
};
