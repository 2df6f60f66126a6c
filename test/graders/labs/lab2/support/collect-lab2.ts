import type { Snapshot } from '../../../../../graders/engine/types.ts';
import { lab2 } from '../../../../../graders/labs/lab2/index.ts';
import { collectFromMockedAccount } from '../../../support/collect-mocked.ts';
import { collectedAt, type Lab2Account, type MockOptions, mockLab2Account, region } from './lab2-account.ts';

type Lab2Mocks = ReturnType<typeof mockLab2Account>;

/** Collects a Lab 2 snapshot from a simulated account with the real collectors, at the fixtures' fixed time. */
export function collectLab2(
	account: Lab2Account,
	options: MockOptions & { before?: (mocks: Lab2Mocks) => void; after?: (mocks: Lab2Mocks) => void } = {},
): Promise<Snapshot> {
	return collectFromMockedAccount({
		collectors: lab2.collectors,
		installMocks: () => mockLab2Account(account, options),
		region,
		collectedAt,
		before: options.before,
		after: options.after,
	});
}
