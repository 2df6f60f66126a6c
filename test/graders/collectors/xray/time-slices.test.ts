import { describe, expect, it } from 'vitest';
import { timeSlices, xrayWindow } from '../../../../graders/collectors/xray/time-slices.ts';

describe('timeSlices', () => {
	it('cuts 24 hours into four six-hour slices, newest first, with no gap or overlap', () => {
		const slices = timeSlices({ since: '2026-11-21T12:00:00.000Z', until: '2026-11-22T12:00:00.000Z' });
		expect(slices.map((slice) => [slice.start.toISOString(), slice.end.toISOString()])).toEqual([
			['2026-11-22T06:00:00.000Z', '2026-11-22T12:00:00.000Z'],
			['2026-11-22T00:00:00.000Z', '2026-11-22T06:00:00.000Z'],
			['2026-11-21T18:00:00.000Z', '2026-11-22T00:00:00.000Z'],
			['2026-11-21T12:00:00.000Z', '2026-11-21T18:00:00.000Z'],
		]);
	});

	it('keeps a short window whole and clips the last slice of an uneven one', () => {
		expect(timeSlices({ since: '2026-11-22T11:30:00Z', until: '2026-11-22T12:00:00Z' })).toHaveLength(1);
		const uneven = timeSlices({ since: '2026-11-22T02:00:00Z', until: '2026-11-22T12:00:00Z' });
		expect(uneven.at(-1)?.start.toISOString()).toBe('2026-11-22T02:00:00.000Z');
		expect(uneven).toHaveLength(2);
	});
});

describe('X-Ray retention', () => {
	it('reads at most the 30 days X-Ray keeps, whatever the window asks for', () => {
		const window = { since: '2026-09-23T12:00:00.000Z', until: '2026-11-22T12:00:00.000Z' };
		expect(xrayWindow(window)).toEqual({ since: '2026-10-23T12:00:00.000Z', until: '2026-11-22T12:00:00.000Z' });
		const slices = timeSlices(window);
		expect(slices).toHaveLength(120);
		expect(slices.at(-1)?.start.toISOString()).toBe('2026-10-23T12:00:00.000Z');
	});

	it('leaves a window inside the retention as it is', () => {
		const window = { since: '2026-11-21T12:00:00.000Z', until: '2026-11-22T12:00:00.000Z' };
		expect(xrayWindow(window)).toBe(window);
	});
});
