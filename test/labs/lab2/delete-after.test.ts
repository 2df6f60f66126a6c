import { describe, expect, it } from 'vitest';
import { isDue, parseDeleteAfter } from '../../../labs/lab2/cleanup-function/delete-after.mjs';

const now = new Date('2026-11-22T12:00:00Z');
const lab2 = (deleteAfter?: string) => [
	{ Key: 'sre-lab', Value: 'lab2' },
	...(deleteAfter === undefined ? [] : [{ Key: 'DeleteAfter', Value: deleteAfter }]),
];

describe('parseDeleteAfter', () => {
	it('reads a bare date as the end of that day in UTC', () => {
		expect(parseDeleteAfter('2026-11-20')?.toISOString()).toBe('2026-11-21T00:00:00.000Z');
	});

	it('reads a date-time with Z or an offset', () => {
		expect(parseDeleteAfter('2026-11-20T18:30:00Z')?.toISOString()).toBe('2026-11-20T18:30:00.000Z');
		expect(parseDeleteAfter('2026-11-20T18:30+02:00')?.toISOString()).toBe('2026-11-20T16:30:00.000Z');
		expect(parseDeleteAfter(' 2026-11-20T18:30:00.250Z ')?.toISOString()).toBe('2026-11-20T18:30:00.250Z');
	});

	it.each([
		['impossible day', '2026-02-30'],
		['impossible month', '2026-13-01'],
		['no time zone', '2026-11-20T18:30:00'],
		['not ISO', '20/11/2026'],
		['words', 'next week'],
		['empty', ''],
		['hour out of range', '2026-11-20T24:00Z'],
	])('rejects %s', (_, text) => {
		expect(parseDeleteAfter(text)).toBeNull();
	});
});

describe('isDue', () => {
	it('is due once the DeleteAfter moment has passed', () => {
		expect(isDue(lab2('2026-11-21'), now)).toMatchObject({ due: true });
		expect(isDue(lab2('2026-11-22T11:59:59Z'), now)).toMatchObject({ due: true });
	});

	it('is not due on the DeleteAfter day itself, nor before it', () => {
		expect(isDue(lab2('2026-11-22'), now)).toMatchObject({ due: false, reason: 'not-yet-due' });
		expect(isDue(lab2('2026-12-01'), now)).toMatchObject({ due: false, reason: 'not-yet-due' });
	});

	it('keeps snapshots of other labs and untagged ones, however old their date', () => {
		expect(
			isDue(
				[
					{ Key: 'sre-lab', Value: 'lab1' },
					{ Key: 'DeleteAfter', Value: '2020-01-01' },
				],
				now,
			),
		).toEqual({
			due: false,
			reason: 'not-lab2',
		});
		expect(isDue([{ Key: 'DeleteAfter', Value: '2020-01-01' }], now)).toEqual({ due: false, reason: 'not-lab2' });
		expect(isDue(undefined, now)).toEqual({ due: false, reason: 'not-lab2' });
	});

	it('keeps lab snapshots without a DeleteAfter or with a malformed one', () => {
		expect(isDue(lab2(), now)).toEqual({ due: false, reason: 'no-delete-after' });
		expect(isDue(lab2('2026-02-30'), now)).toEqual({ due: false, reason: 'malformed-delete-after' });
	});

	it('matches tag keys exactly (EC2 tag keys are case-sensitive)', () => {
		expect(
			isDue(
				[
					{ Key: 'SRE-LAB', Value: 'lab2' },
					{ Key: 'DeleteAfter', Value: '2020-01-01' },
				],
				now,
			),
		).toMatchObject({
			due: false,
		});
		expect(
			isDue(
				[
					{ Key: 'sre-lab', Value: 'lab2' },
					{ Key: 'deleteafter', Value: '2020-01-01' },
				],
				now,
			),
		).toMatchObject({
			due: false,
			reason: 'no-delete-after',
		});
	});
});
