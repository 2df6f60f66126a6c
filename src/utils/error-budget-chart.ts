/**
 * Geometry of the calculator's burn-down chart: the share of the error budget left over the SLO
 * window when errors arrive at a constant burn rate. Pure, so the server draws the starting values
 * and the browser redraws with the same numbers; unit-tested in test/utils/error-budget-chart.test.ts.
 *
 * Budget left after t days = 100 % − burn rate × t ÷ window × 100 %, never below 0: at burn rate 1
 * the budget lasts exactly the window, at 14.4 it is gone after window ÷ 14.4.
 */
import { cleanFloat, formatNumber } from './error-budget.ts';

/** Drawing area inside the SVG's viewBox (0 0 width height), leaving room for axis labels. */
export const chartBox = { width: 400, height: 190, left: 44, right: 12, top: 12, bottom: 34 } as const;

export interface BurnDownChart {
	/** `d` of the path for the chosen burn rate. */
	line: string;
	/** `d` of the reference path at burn rate 1 (the budget lasting exactly the window). */
	reference: string;
	/** Days until the budget is gone, or undefined when some is left at the end of the window. */
	exhaustedAfterDays: number | undefined;
	/** Budget left at the end of the window, 0–100. */
	leftAtEndPercent: number;
	/** The text alternative of the chart. */
	summary: string;
	/** Label of the x axis's end, e.g. "30 days". */
	windowLabel: string;
}

const round = (value: number) => Math.round(value * 10) / 10;

function x(day: number, windowDays: number): number {
	const { left, right, width } = chartBox;
	return round(left + (day / windowDays) * (width - left - right));
}

function y(percentLeft: number): number {
	const { top, bottom, height } = chartBox;
	return round(top + (1 - percentLeft / 100) * (height - top - bottom));
}

function pathFor(windowDays: number, burnRate: number): string {
	const exhaustedAt = windowDays / burnRate;
	if (exhaustedAt >= windowDays) {
		const left = 100 - 100 * burnRate;
		return `M${x(0, windowDays)} ${y(100)} L${x(windowDays, windowDays)} ${y(left)}`;
	}
	return `M${x(0, windowDays)} ${y(100)} L${x(exhaustedAt, windowDays)} ${y(0)} L${x(windowDays, windowDays)} ${y(0)}`;
}

const days = (value: number) =>
	`${formatNumber(cleanFloat(Number(value.toPrecision(3))))} ${value === 1 ? 'day' : 'days'}`;

export function burnDownChart(windowDays: number, burnRate: number): BurnDownChart {
	if (!(windowDays > 0) || !(burnRate > 0)) {
		throw new RangeError(`The chart needs a window and a burn rate above 0, got ${windowDays} and ${burnRate}`);
	}
	const exhausted = burnRate > 1 ? windowDays / burnRate : undefined;
	const leftAtEndPercent = Math.max(0, cleanFloat(100 - 100 * burnRate));
	const rate = formatNumber(burnRate);
	const summary =
		exhausted === undefined
			? `At burn rate ${rate}, ${formatNumber(leftAtEndPercent)} % of the error budget is left at the end of the ${formatNumber(windowDays)}-day window.`
			: `At burn rate ${rate}, the error budget is gone after ${days(exhausted)}, ${formatNumber(
					cleanFloat(Number((100 / burnRate).toPrecision(3))),
				)} % of the way through the ${formatNumber(windowDays)}-day window.`;
	return {
		line: pathFor(windowDays, burnRate),
		reference: pathFor(windowDays, 1),
		exhaustedAfterDays: exhausted,
		leftAtEndPercent,
		summary,
		windowLabel: days(windowDays),
	};
}
