import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { collectSnapshot } from '../../../graders/engine/collect.ts';
import { SnapshotSchema } from '../../../graders/engine/snapshot.ts';
import type { Collector } from '../../../graders/engine/types.ts';
import { lab1 } from '../../../graders/labs/lab1/index.ts';
import { testClientProvider } from '../support/collect-lab1.ts';
import { accountId, completeLab1Account, mockLab1Account } from '../support/lab1-account.ts';

const window = { since: '2026-11-21T12:00:00.000Z', until: '2026-11-22T12:00:00.000Z' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function collector(id: string, needs: string[], run: (need: <T>(id: string) => T) => Promise<unknown>): Collector {
	return { id, description: id, iamActions: [`test:${id}`], needs, collect: ({ need }) => run(need) };
}

async function collectWith(collectors: Collector[]) {
	const mocks = mockLab1Account(completeLab1Account());
	const clients = testClientProvider();
	try {
		return await collectSnapshot({
			collectors,
			clients,
			region: 'eu-west-1',
			window,
			now: () => new Date(window.until),
		});
	} finally {
		clients.destroy();
		mocks.restore();
	}
}

describe('collectSnapshot', () => {
	it('runs independent reads in parallel and dependent reads after what they need', async () => {
		const events: string[] = [];
		const slow = (id: string, needs: string[] = []) =>
			collector(id, needs, async (need) => {
				events.push(`start ${id}`);
				for (const dependency of needs) need(dependency);
				await sleep(5);
				events.push(`end ${id}`);
				return id;
			});
		const snapshot = await collectWith([slow('a'), slow('b'), slow('c', ['a', 'b'])]);
		expect(events.slice(0, 2).sort()).toEqual(['start a', 'start b']);
		expect(events.indexOf('start c')).toBeGreaterThan(Math.max(events.indexOf('end a'), events.indexOf('end b')));
		expect(snapshot.reads.c).toEqual({ ok: true, data: 'c' });
	});

	it('records a failed read as a typed error and passes it on to the reads that need it', async () => {
		const denied = collector('denied', [], async () => {
			throw Object.assign(new Error('not authorized to perform: test:denied'), { name: 'AccessDeniedException' });
		});
		const dependent = collector('dependent', ['denied'], async (need) => need('denied'));
		const snapshot = await collectWith([denied, dependent]);
		expect(snapshot.reads.denied).toEqual({
			ok: false,
			error: expect.objectContaining({ kind: 'access-denied', action: 'test:denied' }),
		});
		expect(snapshot.reads.dependent).toEqual(snapshot.reads.denied);
	});

	it('always reads the caller identity, which names the account', async () => {
		const snapshot = await collectWith([]);
		expect(snapshot.accountId).toBe(accountId);
		expect(Object.keys(snapshot.reads)).toEqual(['sts.caller-identity']);
		expect(SnapshotSchema.safeParse(snapshot).success).toBe(true);
		expect(snapshot).toMatchObject({
			format: 'sre-lab-snapshot',
			version: 1,
			region: 'eu-west-1',
			window,
			collectedAt: window.until,
		});
	});

	it('refuses a collector whose needs are not supplied, and needs that form a cycle', async () => {
		await expect(collectWith([collector('x', ['missing'], async () => 1)])).rejects.toThrow('needs "missing"');
		const cycle = [collector('a', ['b'], async () => 1), collector('b', ['a'], async () => 2)];
		await expect(collectWith(cycle)).rejects.toThrow('collectors need each other in a cycle: a → b → a');
	});
});

describe('collectSnapshot without usable credentials', () => {
	it('stops after the identity read and records its error for every read', async () => {
		const mocks = mockLab1Account(completeLab1Account());
		mocks.sts
			.on(GetCallerIdentityCommand)
			.rejects(
				Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }),
			);
		const clients = testClientProvider();
		try {
			const snapshot = await collectSnapshot({ collectors: lab1.collectors, clients, region: 'eu-west-1', window });
			expect(snapshot.accountId).toBeNull();
			expect(Object.keys(snapshot.reads)).toHaveLength(lab1.collectors.length + 1);
			for (const outcome of Object.values(snapshot.reads))
				expect(outcome).toMatchObject({ ok: false, error: { kind: 'credentials' } });
			expect(mocks.totalCalls()).toBe(1);
		} finally {
			clients.destroy();
			mocks.restore();
		}
	});
});
