/**
 * How the grader reads a DeleteAfter tag. It is deliberately more forgiving than the cleanup function
 * in the repository, because learners write their own functions: a bare date may reasonably mean
 * "from the start of that day" or "once that day is over", so the grader takes the earliest reading to
 * decide what is overdue (plus a grace period) and the latest reading to decide what is not yet due.
 */
const dayMs = 24 * 60 * 60 * 1000;
const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A function that runs once a day may see a snapshot become due just after it ran; with the two
 * readings of a bare date that leaves up to two days before a correct cleanup has removed it.
 */
export const overdueGraceMs = 2 * dayMs;

export interface DeleteAfterRange {
	/** The earliest moment the tag could mean. */
	earliest: number;
	/** The latest moment the tag could mean. */
	latest: number;
}

export function readDeleteAfter(text: string): DeleteAfterRange | null {
	const value = text.trim();
	const date = dateOnly.exec(value);
	if (date) {
		const [year = 0, month = 0, day = 0] = date.slice(1).map(Number);
		const start = Date.UTC(year, month - 1, day);
		const check = new Date(start);
		if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
		return { earliest: start, latest: start + dayMs };
	}
	if (!dateTime.test(value)) return null;
	// Without an offset, the time could be read in any zone from UTC−12 to UTC+14.
	const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(value);
	const instant = Date.parse(hasOffset ? value : `${value}Z`);
	if (Number.isNaN(instant)) return null;
	return hasOffset
		? { earliest: instant, latest: instant }
		: { earliest: instant - 14 * 3600_000, latest: instant + 12 * 3600_000 };
}
