import type { TimeWindow } from './types.ts';

const unitMs = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Parses `30m`, `24h`, `7d` into milliseconds; null for anything else. */
export function parseDuration(text: string): number | null {
	const match = /^(\d+)([mhd])$/.exec(text.trim());
	if (!match) return null;
	const amount = Number(match[1]);
	if (amount <= 0) return null;
	return amount * unitMs[match[2] as keyof typeof unitMs];
}

/** The window "the last `durationMs` before `until`", as ISO timestamps. */
export function windowEndingAt(until: Date, durationMs: number): TimeWindow {
	return { since: new Date(until.getTime() - durationMs).toISOString(), until: until.toISOString() };
}
