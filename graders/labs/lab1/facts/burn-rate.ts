/**
 * Burn-rate arithmetic for judging an SLO alarm, and the policy that says when an alarm condition is
 * "consistent with the SLO". Pure functions; module 4 (day-1/slis-slos-error-budgets) teaches the same
 * numbers.
 *
 *   burn rate = error ratio / (1 − objective)            (99.9 %: 1.44 % errors is a burn rate of 14.4)
 *   budget share spent before a condition can fire = burn rate × window / SLO window
 *
 * A condition is consistent when its burn rate lies between `minBurnRate` and `maxBurnRate` and it
 * lets at most `maxBudgetShare` of the budget burn before it can fire, each limit widened by
 * `tolerance` so thresholds rounded by hand (1.5 % for 1.44 %) still count. The limits come from the
 * multi-window, multi-burn-rate alerts of Google's SRE workbook: 14.4× over 1 hour (2 % of a 30-day
 * budget), 6× over 6 hours (5 %), 1× over 3 days (10 %).
 */
export const burnRatePolicy = {
	/** Below 1× the SLO is still being met: such an alarm pages for errors the budget allows. */
	minBurnRate: 1,
	/** The workbook's fast-burn page; waiting for a faster burn loses 2 % of a monthly budget an hour. */
	maxBurnRate: 14.4,
	/** The workbook's slowest condition (1× over 3 of 30 days) lets 10 % of the budget go before it fires. */
	maxBudgetShare: 0.1,
	/** Relative slack on each limit for hand-rounded thresholds. */
	tolerance: 0.05,
} as const;

/** The budgeted error ratio of an objective given in percent (99.9 → 0.001). */
export const budgetedErrorRatio = (objectivePercent: number): number => 1 - objectivePercent / 100;

/** How many times faster than the SLO allows an error ratio spends the budget. */
export function burnRate(errorRatio: number, objectivePercent: number): number {
	return errorRatio / budgetedErrorRatio(objectivePercent);
}

/** The share of the whole budget that burning at `rate` for `windowMinutes` spends. */
export function budgetShare(rate: number, windowMinutes: number, sloWindowDays: number): number {
	return (rate * windowMinutes) / (sloWindowDays * 24 * 60);
}

export interface BurnCondition {
	/** The burn rate at which the condition fires. */
	burnRate: number;
	/** How long that burn must last before the alarm can fire; null when the alarm does not say. */
	windowMinutes: number | null;
	/** The SLO's own window, over which the budget is spent. */
	sloWindowDays: number;
}

/** Rounds for people: 14.4, 5, 0.17. */
export const round = (value: number): string => String(Number(value.toPrecision(3)));

export const formatPercent = (ratio: number): string => `${round(ratio * 100)} %`;

/** "5 minutes", "1 hour", "7.2 hours", "3 days". */
export function formatMinutes(minutes: number): string {
	const unit = (value: number, name: string) => `${round(value)} ${name}${value === 1 ? '' : 's'}`;
	if (minutes >= 2880 || (minutes >= 1440 && minutes % 1440 === 0)) return unit(minutes / 1440, 'day');
	if (minutes >= 120 || (minutes >= 60 && minutes % 60 === 0)) return unit(minutes / 60, 'hour');
	return unit(minutes, 'minute');
}

/** Why a burn condition is not consistent with the SLO; empty when it is. */
export function burnProblems(condition: BurnCondition): string[] {
	const { minBurnRate, maxBurnRate, maxBudgetShare, tolerance } = burnRatePolicy;
	const { burnRate: rate, windowMinutes, sloWindowDays } = condition;
	const problems: string[] = [];
	if (rate < minBurnRate * (1 - tolerance)) {
		problems.push(
			rate === 0
				? 'it pages on any server error, which the error budget exists to absorb'
				: `it pages at a burn rate of ${round(rate)}×, below 1×, while the SLO is still being met`,
		);
	}
	if (rate > maxBurnRate * (1 + tolerance)) {
		problems.push(
			`it waits for a burn rate of ${round(rate)}×, above ${maxBurnRate}×: at that pace a ${round(sloWindowDays)}-day budget is gone in ${formatMinutes(Math.round((sloWindowDays * 1440) / rate))}`,
		);
	}
	if (windowMinutes !== null && rate > 0) {
		const share = budgetShare(rate, windowMinutes, sloWindowDays);
		if (share > maxBudgetShare * (1 + tolerance)) {
			problems.push(
				`burning at ${round(rate)}× for ${formatMinutes(windowMinutes)} spends ${formatPercent(share)} of the ${round(sloWindowDays)}-day budget before it can fire (at most ${formatPercent(maxBudgetShare)})`,
			);
		}
	}
	return problems;
}

/** " (0.17 % of the 30-day budget spent before it can fire)", or nothing when the window is unknown. */
export function describeShare(condition: BurnCondition): string {
	if (condition.windowMinutes === null) return '';
	const share = budgetShare(condition.burnRate, condition.windowMinutes, condition.sloWindowDays);
	return ` (${formatPercent(share)} of the ${round(condition.sloWindowDays)}-day budget spent before it can fire)`;
}

/** "a burn rate of 5× the budget of your 99.9 % SLO (0.17 % of the 30-day budget spent before it can fire)". */
export function describeBurn(condition: BurnCondition, sloLabel: string): string {
	return `a burn rate of ${round(condition.burnRate)}× the budget of ${sloLabel}${describeShare(condition)}`;
}
