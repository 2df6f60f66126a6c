import { type CallCounter, createCallCounter } from '../engine/call-counter.ts';
import type { ClientProvider, ClientProviderOptions } from '../engine/clients.ts';
import { collectSnapshot } from '../engine/collect.ts';
import { windowEndingAt } from '../engine/duration.ts';
import type { Collector } from '../engine/types.ts';
import { accountRegionFor } from './account-region.ts';
import { diagnose } from './diagnose.ts';
import { type DoctorReport, dataOf, errorOf, isAccountWide, type Reads } from './finding.ts';
import { doctorAccountReads, doctorReads, doctorRegionReads } from './reads/index.ts';
import type { RegionStatus } from './reads/regions.ts';

export interface RunDoctorOptions {
	/** The Region the labs will use (flag, environment or profile); null when none is set. */
	region: string | null;
	profile?: string;
	endpointUrl?: string;
	createClients(options: ClientProviderOptions): ClientProvider;
	now(): Date;
	nodeVersion: string;
	/** Shared by every client, for --verbose. */
	counter?: CallCounter;
}

/** True when the Region list says the Region cannot be used: calls there would only fail, slowly. */
function knownUnusable(region: string, accountReads: Reads): boolean {
	const listed = dataOf<RegionStatus[]>(accountReads['ec2.regions']);
	if (!listed) return false;
	const entry = listed.find((candidate) => candidate.regionName === region);
	return !entry || entry.optInStatus === 'not-opted-in';
}

/**
 * The preflight: reads the account through the engine (read-only guard, retries, call counter,
 * endpoints), then judges what it read with `diagnose`. Account-wide reads go to a Region every
 * account can use; the Region's own reads go to the learner's Region, unless it is known unusable.
 */
export async function runDoctor(options: RunDoctorOptions): Promise<DoctorReport> {
	const counter = options.counter ?? createCallCounter();
	const now = options.now();
	const collect = async (region: string, collectors: readonly Collector[]): Promise<Reads> => {
		// `reads`: the read-only guard lets these clients send exactly what the doctor's reads declare.
		const clientOptions = {
			region,
			reads: collectors,
			counter,
			...(options.profile ? { profile: options.profile } : {}),
			...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
		};
		const clients = options.createClients(clientOptions);
		try {
			// The doctor reads nothing time-based; the window is only part of the engine's contract.
			const snapshot = await collectSnapshot({
				collectors,
				clients,
				region,
				window: windowEndingAt(now, 0),
				now: () => now,
			});
			return snapshot.reads;
		} finally {
			clients.destroy();
		}
	};

	const accountRegion = accountRegionFor(options.region);
	const sameRegion = options.region === accountRegion;
	const accountReads = await collect(accountRegion, sameRegion ? doctorReads : doctorAccountReads);
	let regionReads: Reads | null = sameRegion ? accountReads : null;
	if (
		!sameRegion &&
		options.region &&
		!isAccountWide(errorOf(accountReads['sts.caller-identity'])) &&
		!knownUnusable(options.region, accountReads)
	) {
		regionReads = await collect(options.region, doctorRegionReads);
	}
	return diagnose({
		region: options.region,
		accountReads,
		regionReads,
		nodeVersion: options.nodeVersion,
		checkedAt: now.toISOString(),
	});
}
