import {
	type ClientProvider,
	type ClientProviderOptions,
	createClientProvider,
} from '../../../graders/engine/clients.ts';
import { collectSnapshot } from '../../../graders/engine/collect.ts';
import { windowEndingAt } from '../../../graders/engine/duration.ts';
import type { Collector, Snapshot } from '../../../graders/engine/types.ts';
import { collectorsForLabs, labIds } from '../../../graders/labs/index.ts';

/** Static test credentials: the mocked clients never sign or send anything. */
export const testCredentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' };

/** Clients for simulated accounts; the guard allows every lab's declared reads unless `reads` narrows it. */
export function testClientProvider(overrides: Partial<ClientProviderOptions> & { region: string }) {
	return createClientProvider({
		credentials: testCredentials,
		maxAttempts: 2,
		reads: collectorsForLabs(labIds()),
		...overrides,
	});
}

export interface MockedAccount {
	restore(): void;
}

/**
 * Collects a snapshot with a lab's real collectors from an account simulated by aws-sdk-client-mock,
 * at a fixed time and over a 24-hour window, the way the fixtures are made. `before` and `after` see
 * the mocks (to add a failure, or to inspect calls) while they are installed.
 */
export async function collectFromMockedAccount<M extends MockedAccount>(options: {
	collectors: readonly Collector[];
	installMocks: () => M;
	region: string;
	collectedAt: Date;
	before?: (mocks: M) => void;
	after?: (mocks: M) => void;
	/** Wraps the clients the collectors get, e.g. to inject faults (support/fault-injection.ts). */
	wrapClients?: (clients: ClientProvider) => ClientProvider;
}): Promise<Snapshot> {
	const mocks = options.installMocks();
	options.before?.(mocks);
	const provider = testClientProvider({ region: options.region, reads: options.collectors });
	const clients = options.wrapClients?.(provider) ?? provider;
	try {
		return await collectSnapshot({
			collectors: options.collectors,
			clients,
			region: options.region,
			window: windowEndingAt(options.collectedAt, 24 * 3_600_000),
			now: () => options.collectedAt,
		});
	} finally {
		options.after?.(mocks);
		clients.destroy();
		mocks.restore();
	}
}
