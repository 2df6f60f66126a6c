import { describe, expect, it } from 'vitest';
import { parseDuration, windowEndingAt } from '../../../graders/engine/duration.ts';

describe('durations and windows', () => {
	it('parses minutes, hours and days and refuses anything else', () => {
		expect(parseDuration('30m')).toBe(1_800_000);
		expect(parseDuration('24h')).toBe(86_400_000);
		expect(parseDuration('7d')).toBe(604_800_000);
		expect(parseDuration('455d')).toBe(455 * 86_400_000);
		for (const bad of ['0h', '24', 'h', '1w', '-1h', '1.5h', '456d', '99999999999d', '']) {
			expect(parseDuration(bad), bad).toBeNull();
		}
	});

	it('builds the window ending at a given time', () => {
		expect(windowEndingAt(new Date('2026-11-22T12:00:00Z'), 3_600_000)).toEqual({
			since: '2026-11-22T11:00:00.000Z',
			until: '2026-11-22T12:00:00.000Z',
		});
	});
});
