import { describe, expect, it } from 'vitest';
import {
	allowedDowntimeMinutes,
	budgetSpentPercent,
	type CalculatorInput,
	calculateFromForm,
	cleanFloat,
	defaultCalculatorInput,
	errorBudgetFraction,
	errorRateAtBurnRate,
	failedRequestBudget,
	formatDuration,
	formatMinutes,
	maximumBurnRate,
	minutesToExhaustion,
} from '../../src/utils/error-budget.ts';

describe('allowedDowntimeMinutes', () => {
	it('gives 43.2 minutes for 99.9 % over 30 days, without floating-point noise', () => {
		expect(allowedDowntimeMinutes(99.9, 30)).toBe(43.2);
		expect(String(allowedDowntimeMinutes(99.9, 30))).toBe('43.2');
	});

	it('gives 20.16 minutes for 99.95 % over 28 days', () => {
		expect(allowedDowntimeMinutes(99.95, 28)).toBe(20.16);
	});

	it.each([
		[99, 30, 432],
		[99.99, 30, 4.32],
		[99.999, 30, 0.432],
		[99.5, 7, 50.4],
		[90, 1, 144],
		[99.9, 365, 525.6],
		[99.9, 0.5, 0.72],
	])('gives the exact decimal for %s %% over %s days', (slo, days, minutes) => {
		expect(allowedDowntimeMinutes(slo, days)).toBe(minutes);
	});

	it('handles SLOs very close to the bounds', () => {
		expect(allowedDowntimeMinutes(0.001, 1)).toBe(1439.9856);
		expect(allowedDowntimeMinutes(99.9999, 30)).toBe(0.0432);
	});

	it.each([0, 100, -1, 100.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects the SLO %s', (slo) => {
		expect(() => allowedDowntimeMinutes(slo, 30)).toThrow(RangeError);
	});

	it.each([0, -7, Number.NaN, Number.POSITIVE_INFINITY])('rejects the window %s', (days) => {
		expect(() => allowedDowntimeMinutes(99.9, days)).toThrow(/Window/);
	});
});

describe('errorBudgetFraction', () => {
	it('is the complement of the SLO as a fraction', () => {
		expect(errorBudgetFraction(99.9)).toBe(0.001);
		expect(errorBudgetFraction(99.95)).toBe(0.0005);
		expect(errorBudgetFraction(50)).toBe(0.5);
	});
});

describe('failedRequestBudget', () => {
	it('allows 1,000 failures in a million requests at 99.9 %', () => {
		expect(failedRequestBudget(99.9, 1_000_000)).toBe(1000);
	});

	it('rounds down so the budget never allows one failure too many', () => {
		expect(failedRequestBudget(99.95, 1_234_567)).toBe(617);
		expect(failedRequestBudget(99.9, 999)).toBe(0);
	});

	it('does not lose a whole request to binary rounding', () => {
		// (100 - 99.7) * 1000 / 100 is 2.9999999999999716 in raw floating point.
		expect(failedRequestBudget(99.7, 1000)).toBe(3);
	});

	it('stays exact when budget units times requests pass 2^53', () => {
		// At 50 % the budget is 50 units per 100, and 50 × (2^53 − 1) is far beyond exact doubles.
		expect(failedRequestBudget(50, 9_007_199_254_740_991)).toBe(4_503_599_627_370_495);
		expect(failedRequestBudget(99.999999, 9_007_199_254_740_991)).toBe(90_071_992);
	});

	it('is zero when no requests are expected', () => {
		expect(failedRequestBudget(99.9, 0)).toBe(0);
	});

	it.each([-1, 10.5, Number.NaN])('rejects the request count %s', (requests) => {
		expect(() => failedRequestBudget(99.9, requests)).toThrow(/whole number/);
	});
});

describe('burn rate', () => {
	it('empties a 30-day budget in 50 hours at 14.4', () => {
		expect(minutesToExhaustion(30, 14.4)).toBe(3000);
	});

	it('takes exactly the window at a burn rate of 1', () => {
		expect(minutesToExhaustion(28, 1)).toBe(28 * 24 * 60);
	});

	it('takes longer than the window below 1', () => {
		expect(minutesToExhaustion(30, 0.5)).toBe(86_400);
	});

	it('means 1.44 % errors at 14.4 against 99.9 %', () => {
		expect(errorRateAtBurnRate(99.9, 14.4)).toBe(1.44);
	});

	it('spends 2 % of a 30-day budget in one hour at 14.4, and 5 % in six hours at 6', () => {
		expect(budgetSpentPercent(30, 14.4, 1)).toBe(2);
		expect(budgetSpentPercent(30, 6, 6)).toBe(5);
	});

	it('caps the burn rate at every request failing', () => {
		expect(maximumBurnRate(99.9)).toBe(1000);
		expect(errorRateAtBurnRate(99.9, 1000)).toBe(100);
		expect(() => errorRateAtBurnRate(99.9, 1000.5)).toThrow(/cannot exceed 1000/);
	});

	it.each([0, -2, Number.NaN])('rejects the burn rate %s', (rate) => {
		expect(() => minutesToExhaustion(30, rate)).toThrow(/Burn rate/);
	});
});

describe('cleanFloat', () => {
	it('removes representation noise but keeps real digits', () => {
		expect(cleanFloat(43.199999999999996)).toBe(43.2);
		expect(cleanFloat(0.1 + 0.2)).toBe(0.3);
		expect(cleanFloat(20.161)).toBe(20.161);
	});
});

describe('formatting', () => {
	it('shows minutes with at most two decimals and thousands separators', () => {
		expect(formatMinutes(43.2)).toBe('43.2 min');
		expect(formatMinutes(20.16)).toBe('20.16 min');
		expect(formatMinutes(43_200)).toBe('43,200 min');
		expect(formatMinutes(1.23456)).toBe('1.23 min');
	});

	it.each([
		[43.2, '43 min 12 s'],
		[20.16, '20 min 10 s'],
		[432, '7 h 12 min'],
		[3000, '2 d 2 h'],
		[1440, '1 d'],
		[0.432, '25.92 s'],
		[0, '0 s'],
		[60, '1 h'],
		[61.5, '1 h 1 min'],
	])('breaks %s minutes into "%s"', (minutes, text) => {
		expect(formatDuration(minutes)).toBe(text);
	});

	it('refuses negative or infinite durations', () => {
		expect(() => formatDuration(-1)).toThrow(RangeError);
		expect(() => formatDuration(Number.POSITIVE_INFINITY)).toThrow(RangeError);
	});
});

describe('calculateFromForm', () => {
	const form = (overrides: Partial<CalculatorInput>): CalculatorInput => ({ ...defaultCalculatorInput, ...overrides });

	it('formats every result line for the default example', () => {
		expect(calculateFromForm(defaultCalculatorInput)).toEqual({
			ok: true,
			summary: {
				budgetPercent: '0.1 %',
				downtime: '43.2 min',
				downtimeBreakdown: '43 min 12 s',
				failedRequests: '1,000 of 1,000,000 requests',
				errorRate: '1.44 %',
				exhaustion: '2 d 2 h (3,000 min)',
				spentPerHour: '2 %',
			},
		});
	});

	it('gives 20.16 min for 99.95 % over 28 days', () => {
		const result = calculateFromForm(form({ slo: '99.95', windowDays: '28' }));
		expect(result.ok && result.summary.downtime).toBe('20.16 min');
	});

	it('accepts surrounding whitespace', () => {
		const result = calculateFromForm(form({ slo: ' 99.9 ', windowDays: '30\n' }));
		expect(result.ok && result.summary.downtime).toBe('43.2 min');
	});

	it('reports a message for every unusable field, blank counting as unusable', () => {
		const result = calculateFromForm({ slo: '', windowDays: '0', requests: '2.5', burnRate: 'fast' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(Object.keys(result.errors).sort()).toEqual(['burnRate', 'requests', 'slo', 'windowDays']);
		expect(result.errors.slo).toMatch(/between|greater than 0 and less than 100/);
	});

	it.each(['100', '0', '-5', '101'])('rejects the SLO "%s" and only that field', (slo) => {
		const result = calculateFromForm(form({ slo }));
		expect(result).toEqual({ ok: false, errors: { slo: expect.stringContaining('less than 100') } });
	});

	it.each([
		['windowDays', '3651', /at most 3,650 days/],
		['windowDays', '1e308', /at most 3,650 days/],
		['burnRate', '0.001', /at least 0.01/],
		['requests', '1e20', /whole number/],
	] as const)('keeps %s within the form limits (%s)', (field, value, message) => {
		expect(calculateFromForm(form({ [field]: value }))).toEqual({
			ok: false,
			errors: { [field]: expect.stringMatching(message) },
		});
	});

	it('never throws for any combination of values inside the limits', () => {
		// A small deterministic generator, so a failure reproduces exactly.
		let seed = 42;
		const next = () => {
			seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
			return seed / 2_147_483_648;
		};
		let computed = 0;
		for (let i = 0; i < 2000; i++) {
			const slo = (next() * 100).toFixed(Math.floor(next() * 6));
			const input = {
				slo,
				windowDays: (next() * 3650).toFixed(2),
				requests: String(Math.floor(next() ** 4 * Number.MAX_SAFE_INTEGER)),
				// Up to the ceiling of 100 % errors for this SLO, rounded down so it stays under it.
				burnRate: String(Math.max(0.01, Math.floor(next() * (100 / (100 - Number(slo))) * 1000) / 1000)),
			};
			const result = calculateFromForm(input);
			if (result.ok) {
				computed++;
				for (const text of Object.values(result.summary)) expect(text).not.toMatch(/NaN|Infinity|undefined/);
			} else {
				expect(Object.keys(result.errors).length).toBeGreaterThan(0);
			}
		}
		// Nearly every draw is valid; the few that are not (an SLO rounded to 0 or 100) take the error path.
		expect(computed).toBeGreaterThan(500);
	});

	it('explains the ceiling when the burn rate would mean more than 100 % errors', () => {
		const result = calculateFromForm(form({ burnRate: '2000' }));
		expect(result).toEqual({
			ok: false,
			errors: { burnRate: 'At 99.9 % the highest possible burn rate is 1,000 (every request failing).' },
		});
	});
});
