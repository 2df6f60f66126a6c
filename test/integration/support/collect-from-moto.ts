import { createClientProvider } from '../../../graders/engine/clients.ts';
import { collectSnapshot } from '../../../graders/engine/collect.ts';
import type { LabDefinition } from '../../../graders/engine/define-lab.ts';
import { parseDuration, windowEndingAt } from '../../../graders/engine/duration.ts';
import { ReadFailed } from '../../../graders/engine/errors.ts';
import type { Collector, Snapshot } from '../../../graders/engine/types.ts';
import { motoCredentials, motoEndpoint } from './moto-account.ts';

/**
 * moto answers an operation it lacks with HTTP 500, which the SDK retries as a server error: two
 * attempts prove the retry path without waiting out the default eight backoffs per missing operation.
 */
export const motoMaxAttempts = 2;

/**
 * Collects a lab's reads from moto through the real engine: the same client provider `sre-lab check
 * --endpoint-url` builds (read-only guard, call counter, retries, one endpoint for every service).
 */
export async function collectFromMoto(lab: LabDefinition, region: string): Promise<Snapshot> {
	const options = {
		region,
		reads: lab.collectors,
		credentials: motoCredentials,
		endpointUrl: motoEndpoint(),
		maxAttempts: motoMaxAttempts,
	};
	const clients = createClientProvider(options);
	try {
		return await collectSnapshot({
			collectors: lab.collectors,
			clients,
			region,
			window: windowEndingAt(new Date(), parseDuration(lab.manifest.defaultSince) as number),
		});
	} finally {
		clients.destroy();
	}
}

/**
 * Runs one collector against moto with the data of the reads it needs given by the test: for reads
 * whose input moto cannot produce through its own services (a stack resource it does not model).
 */
export async function collectOneFromMoto<T>(
	collector: Collector<T>,
	region: string,
	needs: Readonly<Record<string, unknown>>,
): Promise<T> {
	const options = {
		region,
		reads: [collector],
		credentials: motoCredentials,
		endpointUrl: motoEndpoint(),
		maxAttempts: motoMaxAttempts,
	};
	const clients = createClientProvider(options);
	try {
		return await collector.collect({
			clients,
			region,
			window: windowEndingAt(new Date(), 24 * 3_600_000),
			need<N>(id: string): N {
				if (!(id in needs))
					throw new ReadFailed({ kind: 'other', service: 'test', operation: id, message: `${id} not given` });
				return needs[id] as N;
			},
		});
	} finally {
		clients.destroy();
	}
}
