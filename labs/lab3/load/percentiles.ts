/**
 * Latency percentiles the way CloudWatch reports them: p90 is the value below which 90 % of the
 * samples fall. Nearest-rank on the sorted samples is exact for small counts and needs no tuning.
 */
export function percentile(sortedValues: readonly number[], p: number): number | null {
	if (sortedValues.length === 0) return null;
	if (p <= 0) return sortedValues[0] ?? null;
	const rank = Math.ceil((p / 100) * sortedValues.length);
	return sortedValues[Math.min(rank, sortedValues.length) - 1] ?? null;
}
