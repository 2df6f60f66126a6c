import { afterEach, describe, expect, it } from 'vitest';
import { type GradebookDb, openGradebook } from '../../../graders/gradebook/open-gradebook.ts';
import { describeLockHolder, isProcessAlive, tryAcquireLock } from '../../../graders/gradebook/run-lock.ts';
import { scratchDirectory } from '../support/cli-context.ts';

let scratch: ReturnType<typeof scratchDirectory>;
const opened: GradebookDb[] = [];
afterEach(() => {
	for (const db of opened.splice(0)) db.close();
	scratch?.remove();
});

function gradebook(): string {
	scratch = scratchDirectory();
	return scratch.path('gradebook.sqlite');
}
function open(path: string): GradebookDb {
	const db = openGradebook(path);
	opened.push(db);
	return db;
}
const at = (iso: string) => () => new Date(iso);
const base = { heartbeatEveryMs: 0, hostname: 'host-a', isAlive: () => true };

describe('run lock', () => {
	it('lets one holder in and tells a second who holds it and since when', () => {
		const path = gradebook();
		const first = tryAcquireLock(open(path), 'run:1', { ...base, pid: 101, now: at('2026-11-22T16:00:00.000Z') });
		expect(first.acquired).toBe(true);
		const second = tryAcquireLock(open(path), 'run:1', { ...base, pid: 202, now: at('2026-11-22T16:00:30.000Z') });
		expect(second).toEqual({
			acquired: false,
			holder: {
				pid: 101,
				hostname: 'host-a',
				startedAt: '2026-11-22T16:00:00.000Z',
				heartbeatAt: '2026-11-22T16:00:00.000Z',
			},
		});
		if (!second.acquired)
			expect(describeLockHolder(second.holder)).toBe(
				'process 101 on host-a since 2026-11-22T16:00:00.000Z (last heartbeat 2026-11-22T16:00:00.000Z)',
			);
		// Other names are independent.
		expect(tryAcquireLock(open(path), 'run:2', { ...base, pid: 202 }).acquired).toBe(true);
	});

	it('is free again once released, and a release by a process that lost it removes nothing', () => {
		const path = gradebook();
		const db = open(path);
		const first = tryAcquireLock(db, 'run:1', { ...base, pid: 101 });
		if (!first.acquired) throw new Error('expected the lock');
		first.lock.release();
		const second = tryAcquireLock(db, 'run:1', { ...base, pid: 202 });
		expect(second.acquired).toBe(true);
		first.lock.release();
		expect(tryAcquireLock(db, 'run:1', { ...base, pid: 303 }).acquired).toBe(false);
	});

	it('takes over a lock whose process on this host is gone', () => {
		const path = gradebook();
		tryAcquireLock(open(path), 'run:1', { ...base, pid: 101 });
		const next = tryAcquireLock(open(path), 'run:1', { ...base, pid: 202, isAlive: (pid) => pid !== 101 });
		expect(next.acquired).toBe(true);
		if (next.acquired) expect(next.tookOverFrom?.pid).toBe(101);
	});

	it('does not judge a pid of another host, but takes over once its heartbeat is stale', () => {
		const path = gradebook();
		let holderClock = '2026-11-22T16:00:00.000Z';
		const holder = tryAcquireLock(open(path), 'run:1', {
			...base,
			hostname: 'host-b',
			pid: 101,
			now: () => new Date(holderClock),
		});
		if (!holder.acquired) throw new Error('expected the lock');
		const dead = () => false;
		const early = tryAcquireLock(open(path), 'run:1', {
			...base,
			isAlive: dead,
			pid: 202,
			now: at('2026-11-22T16:01:00.000Z'),
			staleAfterMs: 120_000,
		});
		expect(early.acquired).toBe(false);
		// The holder's heartbeat keeps it alive past the first stale deadline.
		holderClock = '2026-11-22T16:01:30.000Z';
		expect(holder.lock.heartbeat()).toBe(true);
		const late = tryAcquireLock(open(path), 'run:1', {
			...base,
			isAlive: dead,
			pid: 202,
			now: at('2026-11-22T16:02:30.000Z'),
			staleAfterMs: 120_000,
		});
		expect(late.acquired).toBe(false);
		const stale = tryAcquireLock(open(path), 'run:1', {
			...base,
			isAlive: dead,
			pid: 202,
			now: at('2026-11-22T17:00:00.000Z'),
			staleAfterMs: 120_000,
		});
		expect(stale.acquired).toBe(true);
		// The old holder learns it lost the lock.
		expect(holder.lock.heartbeat()).toBe(false);
	});

	it('knows this process is alive and a finished one is not', () => {
		expect(isProcessAlive(process.pid)).toBe(true);
		expect(isProcessAlive(2 ** 22 + 12345)).toBe(false);
	});
});
