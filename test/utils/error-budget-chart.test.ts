import { describe, expect, it } from 'vitest';
import { burnDownChart, chartBox } from '../../src/utils/error-budget-chart.ts';

const plotRight = chartBox.width - chartBox.right;
const plotBottom = chartBox.height - chartBox.bottom;

describe('burnDownChart', () => {
	it('at burn rate 1 runs from a full budget to none exactly at the end of the window', () => {
		const chart = burnDownChart(30, 1);
		expect(chart.line).toBe(`M${chartBox.left} ${chartBox.top} L${plotRight} ${plotBottom}`);
		expect(chart.line).toBe(chart.reference);
		expect(chart.exhaustedAfterDays).toBeUndefined();
		expect(chart.leftAtEndPercent).toBe(0);
	});

	it('at 14.4 over 30 days empties after about 2.08 days and then stays at zero', () => {
		const chart = burnDownChart(30, 14.4);
		expect(chart.exhaustedAfterDays).toBeCloseTo(2.0833, 3);
		const exhaustedX = Math.round((chartBox.left + (2.0833333 / 30) * (plotRight - chartBox.left)) * 10) / 10;
		expect(chart.line).toBe(
			`M${chartBox.left} ${chartBox.top} L${exhaustedX} ${plotBottom} L${plotRight} ${plotBottom}`,
		);
		expect(chart.summary).toBe(
			'At burn rate 14.4, the error budget is gone after 2.08 days, 6.94 % of the way through the 30-day window.',
		);
	});

	it('below 1 leaves part of the budget at the end of the window', () => {
		const chart = burnDownChart(28, 0.5);
		const halfway = chartBox.top + (plotBottom - chartBox.top) / 2;
		expect(chart.line).toBe(`M${chartBox.left} ${chartBox.top} L${plotRight} ${halfway}`);
		expect(chart.leftAtEndPercent).toBe(50);
		expect(chart.summary).toBe('At burn rate 0.5, 50 % of the error budget is left at the end of the 28-day window.');
	});

	it('draws a different line for a different burn rate', () => {
		expect(burnDownChart(30, 2).line).not.toBe(burnDownChart(30, 6).line);
	});

	it('refuses a window or burn rate that is not above zero', () => {
		expect(() => burnDownChart(0, 1)).toThrow(RangeError);
		expect(() => burnDownChart(30, Number.NaN)).toThrow(RangeError);
	});
});
