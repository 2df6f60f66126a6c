// @ts-check
/**
 * When may a lab snapshot be deleted? Pure functions, no AWS: the handler and the tests share them.
 *
 * A snapshot is due only when ALL of these hold, so that anything unexpected is kept rather than lost:
 * - it carries the tag `sre-lab=lab2` (the function never touches snapshots of other labs or people);
 * - it carries a `DeleteAfter` tag holding an ISO 8601 date (`2026-11-20`) or a date and time with an
 *   explicit offset (`2026-11-20T18:00:00Z`, `2026-11-20T18:00+01:00`);
 * - that moment has passed.
 */

export const LAB_TAG_KEY = 'sre-lab';
export const LAB_TAG_VALUE = 'lab2';
export const DELETE_AFTER_TAG_KEY = 'DeleteAfter';

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * @typedef {{ Key?: string, Value?: string }} Tag
 * @typedef {{ due: true, deleteAfter: Date }
 *   | { due: false, reason: 'not-lab2' | 'no-delete-after' | 'malformed-delete-after' | 'not-yet-due', deleteAfter?: Date }} DueDecision
 */

/**
 * The instant after which a snapshot may go, or null when the text is not a valid ISO date.
 * A bare date means "delete after that day", so the snapshot survives until the day has ended in UTC:
 * the conservative reading for a tool that destroys data.
 * A date-time without an offset is rejected because its meaning depends on the reader's time zone.
 * @param {string} text
 * @returns {Date | null}
 */
export function parseDeleteAfter(text) {
	const value = text.trim();
	const dateOnly = DATE_ONLY.exec(value);
	if (dateOnly) {
		// The defaults only satisfy the type checker: a regex match always has these groups.
		const [year = 0, month = 0, day = 0] = dateOnly.slice(1).map(Number);
		if (!isCalendarDate(year, month, day)) return null;
		return new Date(Date.UTC(year, month - 1, day) + DAY_MS);
	}
	const dateTime = DATE_TIME.exec(value);
	if (!dateTime) return null;
	const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = dateTime
		.slice(1, 7)
		.map((part) => Number(part ?? 0));
	if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
	const parsed = new Date(value);
	return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/**
 * @param {readonly Tag[] | undefined} tags
 * @param {Date} now
 * @returns {DueDecision}
 */
export function isDue(tags, now) {
	const lab = tagValue(tags, LAB_TAG_KEY);
	if (lab !== LAB_TAG_VALUE) return { due: false, reason: 'not-lab2' };
	const text = tagValue(tags, DELETE_AFTER_TAG_KEY);
	if (text === undefined) return { due: false, reason: 'no-delete-after' };
	const deleteAfter = parseDeleteAfter(text);
	if (!deleteAfter) return { due: false, reason: 'malformed-delete-after' };
	if (now.getTime() <= deleteAfter.getTime()) return { due: false, reason: 'not-yet-due', deleteAfter };
	return { due: true, deleteAfter };
}

/**
 * @param {readonly Tag[] | undefined} tags
 * @param {string} key
 * @returns {string | undefined}
 */
export function tagValue(tags, key) {
	return tags?.find((tag) => tag.Key === key)?.Value;
}

/**
 * Date.UTC silently rolls 2026-02-30 over to March; a typo in a tag must not move a deletion date.
 * @param {number} year
 * @param {number} month 1–12
 * @param {number} day
 */
function isCalendarDate(year, month, day) {
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
