import type { Snapshot } from '../../../../../graders/engine/types.ts';
import { lab3 } from '../../../../../graders/labs/lab3/index.ts';
import { collectFromMockedAccount } from '../../../support/collect-mocked.ts';
import { collectedAt, type Lab3Account, type MockOptions, mockLab3Account, region } from './lab3-account.ts';

/** Collects a Lab 3 snapshot from a simulated account with the real collectors, at the fixtures' fixed time. */
export function collectLab3(
	account: Lab3Account,
	options: MockOptions & { before?: (mocks: ReturnType<typeof mockLab3Account>) => void } = {},
): Promise<Snapshot> {
	return collectFromMockedAccount({
		collectors: lab3.collectors,
		installMocks: () => mockLab3Account(account, options),
		region,
		collectedAt,
		before: options.before,
	});
}
