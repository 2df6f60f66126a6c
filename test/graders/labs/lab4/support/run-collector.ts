import type { Collector, TimeWindow } from '../../../../../graders/engine/types.ts';
import { testClientProvider } from '../../../support/collect-mocked.ts';

export const lab4Window: TimeWindow = { since: '2026-11-21T12:00:00.000Z', until: '2026-11-22T12:00:00.000Z' };

/** Runs one collector against the mocked SDK clients, with a guard that allows only its own reads. */
export async function runCollector<T>(collector: Collector<T>, window: TimeWindow = lab4Window): Promise<T> {
	const clients = testClientProvider({ region: 'eu-west-1', reads: [collector] });
	try {
		return await collector.collect({ clients, region: 'eu-west-1', window, need: () => undefined as never });
	} finally {
		clients.destroy();
	}
}

export const accessDenied = (action: string) =>
	Object.assign(new Error(`User is not authorized to perform: ${action}`), {
		name: 'AccessDeniedException',
		$metadata: { httpStatusCode: 400 },
	});
