import { collectSnapshot } from '../../../../../graders/engine/collect.ts';
import { windowEndingAt } from '../../../../../graders/engine/duration.ts';
import type { Snapshot } from '../../../../../graders/engine/types.ts';
import { lab3 } from '../../../../../graders/labs/lab3/index.ts';
import { testClientProvider } from '../../../support/collect-lab1.ts';
import { collectedAt, type Lab3Account, type MockOptions, mockLab3Account, region } from './lab3-account.ts';

/** Collects a Lab 3 snapshot from a simulated account with the real collectors, at the fixtures' fixed time. */
export async function collectLab3(
	account: Lab3Account,
	options: MockOptions & { before?: (mocks: ReturnType<typeof mockLab3Account>) => void } = {},
): Promise<Snapshot> {
	const mocks = mockLab3Account(account, options);
	options.before?.(mocks);
	const clients = testClientProvider({ region });
	try {
		return await collectSnapshot({
			collectors: lab3.collectors,
			clients,
			region,
			window: windowEndingAt(collectedAt, 24 * 3_600_000),
			now: () => collectedAt,
		});
	} finally {
		clients.destroy();
		mocks.restore();
	}
}
