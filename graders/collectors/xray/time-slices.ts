import type { TimeWindow } from '../../engine/types.ts';

/** X-Ray queries cover at most a few hours each; six hours is safely within every limit it documents. */
export const xrayMaxSliceMs = 6 * 60 * 60 * 1000;

/** X-Ray keeps trace data for 30 days: asking for older data only costs calls. */
export const xrayRetentionMs = 30 * 24 * 60 * 60 * 1000;

/** The part of the window X-Ray can still answer for: at most its 30-day retention, whatever `--since` said. */
export function xrayWindow(window: TimeWindow): TimeWindow {
	const oldest = Date.parse(window.until) - xrayRetentionMs;
	return Date.parse(window.since) < oldest ? { since: new Date(oldest).toISOString(), until: window.until } : window;
}

/**
 * Splits the part of a window X-Ray retains into consecutive slices of at most `maxMs`, newest first
 * (recent data matters most).
 */
export function timeSlices(window: TimeWindow, maxMs = xrayMaxSliceMs): { start: Date; end: Date }[] {
	const retained = xrayWindow(window);
	const since = Date.parse(retained.since);
	const until = Date.parse(retained.until);
	const slices: { start: Date; end: Date }[] = [];
	for (let end = until; end > since; end -= maxMs) {
		slices.push({ start: new Date(Math.max(since, end - maxMs)), end: new Date(end) });
	}
	return slices;
}
