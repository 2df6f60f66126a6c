/**
 * A schedule that repeats: `rate(7 days)` or `cron(0 3 ? * SUN *)`. A one-time `at(…)` schedule runs a
 * chore once; it does not take the chore off anybody's hands.
 */
export function isRecurringSchedule(expression: string | null | undefined): boolean {
	return expression !== null && expression !== undefined && /^(rate|cron)\(.+\)$/.test(expression.trim());
}
