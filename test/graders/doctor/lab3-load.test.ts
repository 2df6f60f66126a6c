import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
	busySecondsPerRequest,
	concurrencyNeeded,
	faultDelayMaxSeconds,
	highestRateWithin,
	lab3PageRate,
} from '../../../graders/doctor/lab3-load.ts';

const require = createRequire(import.meta.url);
const { faultEffect } = require('../../../labs/lab3/app/services/fault-switch.cjs') as {
	faultEffect(mode: string, random: () => number): { delayMs: number };
};

describe('Lab 3 load arithmetic', () => {
	it('uses the latency fault’s real longest delay (labs/lab3/app/services/fault-switch.cjs)', () => {
		const longest = faultEffect('latency', () => 0.999999).delayMs;
		expect(Math.ceil(longest / 100) / 10).toBe(faultDelayMaxSeconds);
	});

	it('needs about 28 concurrent executions at the page’s --rate 5 (both functions busy for the slow call)', () => {
		expect(lab3PageRate).toBe(5);
		expect(busySecondsPerRequest).toBeCloseTo(5.45);
		expect(concurrencyNeeded(5)).toBe(28);
		expect(concurrencyNeeded(1)).toBe(6);
	});

	it('names the highest rate that fits, never one that needs more than is there', () => {
		expect(highestRateWithin(10)).toBe(1);
		expect(highestRateWithin(20)).toBe(3);
		expect(highestRateWithin(5)).toBe(0);
		for (const available of [6, 10, 11, 28, 50, 100]) {
			const rate = highestRateWithin(available);
			expect(concurrencyNeeded(rate)).toBeLessThanOrEqual(available);
			expect(concurrencyNeeded(rate + 1)).toBeGreaterThan(available);
		}
	});
});
