import { describe, expect, it } from 'vitest';
import {
	budgetShare,
	burnProblems,
	burnRate,
	burnRatePolicy,
	formatMinutes,
} from '../../../../../graders/labs/lab1/facts/burn-rate.ts';

describe('burn-rate arithmetic', () => {
	it('divides the error ratio by the budgeted error ratio', () => {
		expect(burnRate(0.0144, 99.9)).toBeCloseTo(14.4, 10);
		expect(burnRate(0.005, 99.9)).toBeCloseTo(5, 10);
		expect(burnRate(0.05, 99)).toBeCloseTo(5, 10);
		expect(burnRate(0, 99.9)).toBe(0);
	});

	it('spends 2 % of a 30-day budget in an hour at 14.4×, 5 % in six hours at 6×', () => {
		expect(budgetShare(14.4, 60, 30)).toBeCloseTo(0.02, 10);
		expect(budgetShare(6, 360, 30)).toBeCloseTo(0.05, 10);
		expect(budgetShare(1, 3 * 1440, 30)).toBeCloseTo(0.1, 10);
	});

	it('formats windows for people', () => {
		expect(formatMinutes(5)).toBe('5 minutes');
		expect(formatMinutes(60)).toBe('1 hour');
		expect(formatMinutes(432)).toBe('7.2 hours');
		expect(formatMinutes(4320)).toBe('3 days');
	});
});

describe('burnProblems: the policy for "consistent with the SLO"', () => {
	const condition = (rate: number, windowMinutes: number | null = 60) => ({
		burnRate: rate,
		windowMinutes,
		sloWindowDays: 30,
	});

	it("accepts the workbook's conditions and rounding within the tolerance", () => {
		for (const [rate, window] of [
			[14.4, 60],
			[14.4, 5],
			[6, 360],
			[1, 4320],
			[5, 15],
			[15, 60], // 1.5 % typed for 1.44 % at 99.9 %
		] as const) {
			expect(burnProblems(condition(rate, window)), `${rate}× over ${window} min`).toEqual([]);
		}
		expect(burnRatePolicy.tolerance).toBe(0.05);
	});

	it('refuses an alarm on any error, and one below 1×', () => {
		expect(burnProblems(condition(0))).toEqual([
			'it pages on any server error, which the error budget exists to absorb',
		]);
		expect(burnProblems(condition(0.5))).toEqual([
			'it pages at a burn rate of 0.5×, below 1×, while the SLO is still being met',
		]);
	});

	it('refuses a burn rate above 14.4× and says how fast the budget goes', () => {
		expect(burnProblems(condition(50, 15))).toEqual([
			'it waits for a burn rate of 50×, above 14.4×: at that pace a 30-day budget is gone in 14.4 hours',
		]);
	});

	it('refuses a window that lets more than a tenth of the budget go first', () => {
		expect(burnProblems(condition(14.4, 1440))).toEqual([
			'burning at 14.4× for 1 day spends 48 % of the 30-day budget before it can fire (at most 10 %)',
		]);
	});
});
