import { type ClientProviderOptions, createClientProvider } from '../../../graders/engine/clients.ts';
import { collectSnapshot } from '../../../graders/engine/collect.ts';
import { windowEndingAt } from '../../../graders/engine/duration.ts';
import type { Snapshot } from '../../../graders/engine/types.ts';
import { lab1 } from '../../../graders/labs/lab1/index.ts';
import { collectedAt, type Lab1Account, type MockOptions, mockLab1Account, region } from './lab1-account.ts';

/** Static test credentials: the mocked clients never sign or send anything. */
export const testCredentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' };

export function testClientProvider(overrides: Partial<ClientProviderOptions> = {}) {
	return createClientProvider({ region, credentials: testCredentials, maxAttempts: 2, ...overrides });
}

/** Collects a Lab 1 snapshot from a simulated account, at the fixtures' fixed time. */
export async function collectLab1(
	account: Lab1Account,
	options: MockOptions & {
		before?: (mocks: ReturnType<typeof mockLab1Account>) => void;
		after?: (mocks: ReturnType<typeof mockLab1Account>) => void;
	} = {},
): Promise<Snapshot> {
	const mocks = mockLab1Account(account, options);
	options.before?.(mocks);
	const clients = testClientProvider();
	try {
		return await collectSnapshot({
			collectors: lab1.collectors,
			clients,
			region,
			window: windowEndingAt(collectedAt, 24 * 3_600_000),
			now: () => collectedAt,
		});
	} finally {
		options.after?.(mocks);
		clients.destroy();
		mocks.restore();
	}
}
