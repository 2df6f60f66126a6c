import { randomUUID } from 'node:crypto';
import { hostname as osHostname } from 'node:os';
import type { GradebookDb } from './open-gradebook.ts';
import { inTransaction } from './transaction.ts';

/**
 * A named lock kept in the gradebook, so that two processes never work on the same run at once
 * (`grade --resume` twice, later `watch`). A row in `locks` says who holds it; the holder refreshes
 * its heartbeat while it works. A lock whose holder died is taken over: on the same host when its
 * pid is gone, on any host when its heartbeat is older than `staleAfterMs`.
 */

export interface LockHolder {
	pid: number;
	hostname: string;
	startedAt: string;
	heartbeatAt: string;
}

export interface HeldLock {
	readonly name: string;
	/** Refreshes the heartbeat; false when another process has taken the lock over meanwhile. */
	heartbeat(): boolean;
	/** Gives the lock up (only if still ours) and stops the heartbeat. Safe to call twice. */
	release(): void;
}

export type LockAttempt =
	| { acquired: true; lock: HeldLock; tookOverFrom?: LockHolder }
	| { acquired: false; holder: LockHolder };

export interface LockOptions {
	pid?: number;
	hostname?: string;
	now?: () => Date;
	/** A heartbeat older than this means the holder is gone, whichever host it ran on. */
	staleAfterMs?: number;
	/** How often the holder refreshes its heartbeat; 0 turns the timer off (tests call heartbeat()). */
	heartbeatEveryMs?: number;
	/** Whether a process of this host is still running. */
	isAlive?: (pid: number) => boolean;
}

export const defaultStaleAfterMs = 2 * 60 * 1000;
export const defaultHeartbeatEveryMs = 15 * 1000;

/** Signal 0 checks for existence only; EPERM means it exists but belongs to someone else. */
export function isProcessAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

interface LockRow {
	owner: string;
	pid: number;
	hostname: string;
	started_at: string;
	heartbeat_at: string;
}

function holderOf(row: LockRow): LockHolder {
	return { pid: row.pid, hostname: row.hostname, startedAt: row.started_at, heartbeatAt: row.heartbeat_at };
}

/** Whether the holder of `row` can no longer be working: its process is gone, or it went silent. */
export function isAbandoned(
	row: LockHolder,
	me: { hostname: string; now: Date; staleAfterMs: number; isAlive: (pid: number) => boolean },
): boolean {
	if (row.hostname === me.hostname && !me.isAlive(row.pid)) return true;
	const heartbeat = Date.parse(row.heartbeatAt);
	return Number.isNaN(heartbeat) || me.now.getTime() - heartbeat > me.staleAfterMs;
}

/**
 * Takes the lock `name` unless a live process holds it. Checked and written in one IMMEDIATE
 * transaction, so of two processes asking at once exactly one gets it.
 */
export function tryAcquireLock(db: GradebookDb, name: string, options: LockOptions = {}): LockAttempt {
	const pid = options.pid ?? process.pid;
	const hostname = options.hostname ?? osHostname();
	const now = options.now ?? (() => new Date());
	const staleAfterMs = options.staleAfterMs ?? defaultStaleAfterMs;
	const isAlive = options.isAlive ?? isProcessAlive;
	const owner = randomUUID();

	const attempt = inTransaction(db, (): { holder: LockHolder; takenOver: boolean } | { takenOver?: LockHolder } => {
		const row = db
			.prepare('SELECT owner, pid, hostname, started_at, heartbeat_at FROM locks WHERE name = ?')
			.get(name) as LockRow | undefined;
		const previous = row ? holderOf(row) : undefined;
		if (previous && !isAbandoned(previous, { hostname, now: now(), staleAfterMs, isAlive }))
			return { holder: previous, takenOver: false };
		const at = now().toISOString();
		db.prepare(
			`INSERT INTO locks (name, owner, pid, hostname, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, pid = excluded.pid, hostname = excluded.hostname,
				started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at`,
		).run(name, owner, pid, hostname, at, at);
		return { takenOver: previous };
	});
	if ('holder' in attempt) return { acquired: false, holder: attempt.holder };

	let released = false;
	const heartbeat = (): boolean => {
		if (released) return false;
		const changes = db
			.prepare('UPDATE locks SET heartbeat_at = ? WHERE name = ? AND owner = ?')
			.run(now().toISOString(), name, owner).changes;
		return Number(changes) === 1;
	};
	const every = options.heartbeatEveryMs ?? defaultHeartbeatEveryMs;
	// unref: a forgotten release must not keep the process alive.
	const beat = () => {
		try {
			heartbeat();
		} catch {
			// A busy or closed gradebook skips one beat; the lock only goes stale after several.
		}
	};
	const timer = every > 0 ? setInterval(beat, every).unref() : undefined;
	const lock: HeldLock = {
		name,
		heartbeat,
		release() {
			if (released) return;
			released = true;
			clearInterval(timer);
			db.prepare('DELETE FROM locks WHERE name = ? AND owner = ?').run(name, owner);
		},
	};
	return attempt.takenOver ? { acquired: true, lock, tookOverFrom: attempt.takenOver } : { acquired: true, lock };
}

/** "process 4242 on build-7 since 2026-11-22T16:00:00.000Z (last heartbeat …)", for messages. */
export function describeLockHolder(holder: LockHolder): string {
	return `process ${holder.pid} on ${holder.hostname} since ${holder.startedAt} (last heartbeat ${holder.heartbeatAt})`;
}
