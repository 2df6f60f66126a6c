import type { TimeWindow } from '../../engine/types.ts';

/** X-Ray queries cover at most a few hours each; six hours is safely within every limit it documents. */
export const xrayMaxSliceMs = 6 * 60 * 60 * 1000;

/** Splits a window into consecutive slices of at most `maxMs`, newest first (recent data matters most). */
export function timeSlices(window: TimeWindow, maxMs = xrayMaxSliceMs): { start: Date; end: Date }[] {
	const since = Date.parse(window.since);
	const until = Date.parse(window.until);
	const slices: { start: Date; end: Date }[] = [];
	for (let end = until; end > since; end -= maxMs) {
		slices.push({ start: new Date(Math.max(since, end - maxMs)), end: new Date(end) });
	}
	return slices;
}
