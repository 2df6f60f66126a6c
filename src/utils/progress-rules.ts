/**
 * The rules of the progress format that both validators share: the zod schema in
 * `src/schemas/progress.ts` (the documented contract, used in Node by the gradebook and the tests) and
 * the small hand-written validator the browser runs (zod would triple the quiz script's size). Keeping
 * the constants here means the two cannot disagree on a pattern or a limit.
 */

/**
 * Version of both the stored document and the export file. Bump it only with a migration.
 * 2: a lab entry may carry the grader's result (`grader`) beside or instead of the hand-set `doneAt`.
 */
export const PROGRESS_VERSION = 2;

/**
 * The quiz mark the course asks for: the gradebook's default completion rule wants a quiz average of at
 * least this percentage (`minQuizAveragePercent` in graders/report/completion-rule.ts; a unit test keeps
 * the two equal). The quiz shows each score against it so a learner knows where they stand.
 */
export const QUIZ_PASS_PERCENT = 70;

/** The lab outcomes `sre-lab check --json` reports (graders/engine/types.ts `LabOutcome`). */
export const LAB_OUTCOMES = ['pass', 'fail', 'error'] as const;

/** `format` field of an export file, so an importer can tell it from any other JSON. */
export const PROGRESS_EXPORT_FORMAT = 'sre-course-progress';

/** The course every export names, so a gradebook can refuse a file from another course. */
export const COURSE_ID = 'sre-foundations-aws';
export const COURSE_TITLE = 'SRE Foundations on AWS';

/** UTC timestamps as `Date.prototype.toISOString()` writes them: `2026-11-22T16:05:00.000Z`. */
export const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/**
 * A timestamp in that shape that also names a real instant: the pattern alone lets `2026-13-45T…` or
 * 31 February through, which a gradebook would then turn into an invalid or shifted date.
 */
export function isUtcTimestamp(value: string): boolean {
	if (!ISO_TIMESTAMP.test(value)) return false;
	const time = Date.parse(value);
	return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 19) === value.slice(0, 19);
}

/** Page ids are doc slugs (`day-1/what-is-sre`); quiz, lab and question ids are single slugs. */
export const PAGE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/;
export const SLUG_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Option keys are the letters the quiz shows: `a` for the first option. */
export const OPTION_KEY = /^[a-z]$/;

/** The chosen option keys of one question are stored sorted and each key once (`['a', 'c']`). */
export function areSortedUniqueKeys(keys: readonly string[]): boolean {
	return keys.every((key, index) => index === 0 || (keys[index - 1] ?? '') < key);
}

/** Learner details are typed by hand; the limit keeps a pasted novel out of localStorage. */
export const MAX_LEARNER_FIELD_LENGTH = 200;
