import type { ClientProviderOptions } from '../../../graders/engine/clients.ts';
import type { Snapshot } from '../../../graders/engine/types.ts';
import { lab1 } from '../../../graders/labs/lab1/index.ts';
import { testClientProvider as clientProviderIn, collectFromMockedAccount } from './collect-mocked.ts';
import { collectedAt, type Lab1Account, type MockOptions, mockLab1Account, region } from './lab1-account.ts';

export { testCredentials } from './collect-mocked.ts';

/** A client provider for the simulated accounts (Lab 1's Region unless overridden). */
export function testClientProvider(overrides: Partial<ClientProviderOptions> = {}) {
	return clientProviderIn({ region, ...overrides });
}

type Lab1Mocks = ReturnType<typeof mockLab1Account>;

/** Collects a Lab 1 snapshot from a simulated account, at the fixtures' fixed time. */
export function collectLab1(
	account: Lab1Account,
	options: MockOptions & { before?: (mocks: Lab1Mocks) => void; after?: (mocks: Lab1Mocks) => void } = {},
): Promise<Snapshot> {
	return collectFromMockedAccount({
		collectors: lab1.collectors,
		installMocks: () => mockLab1Account(account, options),
		region,
		collectedAt,
		before: options.before,
		after: options.after,
	});
}
