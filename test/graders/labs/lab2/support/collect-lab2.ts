import { createClientProvider } from '../../../../../graders/engine/clients.ts';
import { collectSnapshot } from '../../../../../graders/engine/collect.ts';
import { windowEndingAt } from '../../../../../graders/engine/duration.ts';
import type { Snapshot } from '../../../../../graders/engine/types.ts';
import { lab2 } from '../../../../../graders/labs/lab2/index.ts';
import { collectedAt, type Lab2Account, type MockOptions, mockLab2Account, region } from './lab2-account.ts';

/** Static test credentials: the mocked clients never sign or send anything. */
const testCredentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' };

/** Collects a Lab 2 snapshot from a simulated account with the real collectors, at the fixtures' fixed time. */
export async function collectLab2(
	account: Lab2Account,
	options: MockOptions & {
		before?: (mocks: ReturnType<typeof mockLab2Account>) => void;
		after?: (mocks: ReturnType<typeof mockLab2Account>) => void;
	} = {},
): Promise<Snapshot> {
	const mocks = mockLab2Account(account, options);
	options.before?.(mocks);
	const clients = createClientProvider({ region, credentials: testCredentials, maxAttempts: 2 });
	try {
		return await collectSnapshot({
			collectors: lab2.collectors,
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
