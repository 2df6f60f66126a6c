import type { TimeWindow } from './types.ts';

const unitMs = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * The longest window accepted: CloudWatch keeps metrics for 15 months, so nothing the graders read
 * is older, and a longer window could only be a typo (or overflow the dates it produces).
 */
export const maxDurationMs = 455 * unitMs.d;

/** Parses `30m`, `24h`, `7d` (up to 455d) into milliseconds; null for anything else. */
export function parseDuration(text: string): number | null {
	const match = /^(\d+)([mhd])$/.exec(text.trim());
	if (!match) return null;
	const ms = Number(match[1]) * unitMs[match[2] as keyof typeof unitMs];
	return ms > 0 && ms <= maxDurationMs ? ms : null;
}

/** The window "the last `durationMs` before `until`", as ISO timestamps. */
export function windowEndingAt(until: Date, durationMs: number): TimeWindow {
	return { since: new Date(until.getTime() - durationMs).toISOString(), until: until.toISOString() };
}
