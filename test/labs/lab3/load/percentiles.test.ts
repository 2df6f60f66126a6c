import { describe, expect, it } from 'vitest';
import { percentile } from '../../../../labs/lab3/load/percentiles.ts';

describe('percentile (nearest rank)', () => {
	const hundred = Array.from({ length: 100 }, (_, index) => index + 1);

	it('returns the value below which p % of the samples fall', () => {
		expect(percentile(hundred, 50)).toBe(50);
		expect(percentile(hundred, 90)).toBe(90);
		expect(percentile(hundred, 99)).toBe(99);
		expect(percentile(hundred, 100)).toBe(100);
	});

	it('works for a handful of samples and for none', () => {
		expect(percentile([120, 340, 900], 90)).toBe(900);
		expect(percentile([120, 340, 900], 50)).toBe(340);
		expect(percentile([7], 99)).toBe(7);
		expect(percentile([], 90)).toBeNull();
		expect(percentile([3, 4], 0)).toBe(3);
	});
});
