import type {
	LabGraderResult,
	LabProgress,
	Learner,
	PageProgress,
	QuizProgress,
	StoredProgress,
} from '../schemas/progress.ts';
import {
	areSortedUniqueKeys,
	isUtcTimestamp,
	LAB_OUTCOMES,
	MAX_LEARNER_FIELD_LENGTH,
	OPTION_KEY,
	PAGE_ID,
	PROGRESS_VERSION,
	SLUG_ID,
} from './progress-rules.ts';

/**
 * The browser's validator for progress data: the same rules as the zod schemas in
 * src/schemas/progress.ts, written out by hand because shipping zod would cost more than the whole quiz
 * script's budget. test/utils/progress-validate.test.ts runs both over the same documents.
 *
 * Entries are validated one by one so that a single damaged entry (a half-written quiz, a value edited
 * in dev tools) costs only that entry, not the learner's whole history.
 */

type Json = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOnlyKeys(value: Json, allowed: readonly string[]): boolean {
	return Object.keys(value).every((key) => allowed.includes(key));
}

const isTimestamp = (value: unknown): value is string => typeof value === 'string' && isUtcTimestamp(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

export function readLearner(value: unknown): Learner | undefined {
	if (!isPlainObject(value) || !hasOnlyKeys(value, ['id', 'name', 'email'])) return undefined;
	const learner: Learner = {};
	for (const field of ['id', 'name', 'email'] as const) {
		const raw = value[field];
		if (raw === undefined) continue;
		if (typeof raw !== 'string') return undefined;
		const trimmed = raw.trim();
		if (trimmed.length === 0 || trimmed.length > MAX_LEARNER_FIELD_LENGTH) return undefined;
		learner[field] = trimmed;
	}
	return learner;
}

export function readPageProgress(value: unknown): PageProgress | undefined {
	if (!isPlainObject(value) || !hasOnlyKeys(value, ['readAt']) || !isTimestamp(value.readAt)) return undefined;
	return { readAt: value.readAt };
}

export function readLabGraderResult(value: unknown): LabGraderResult | undefined {
	if (!isPlainObject(value) || !hasOnlyKeys(value, ['score', 'maxScore', 'outcome', 'gradedAt'])) return undefined;
	const { score, maxScore, outcome, gradedAt } = value;
	if (!isCount(score) || !isCount(maxScore) || maxScore === 0 || score > maxScore) return undefined;
	const knownOutcome = LAB_OUTCOMES.find((candidate) => candidate === outcome);
	if (!knownOutcome || !isTimestamp(gradedAt)) return undefined;
	return { score, maxScore, outcome: knownOutcome, gradedAt };
}

/** A version 1 lab entry: the learner's own mark, nothing else. */
export function readLabProgressV1(value: unknown): LabProgress | undefined {
	if (!isPlainObject(value) || !hasOnlyKeys(value, ['doneAt']) || !isTimestamp(value.doneAt)) return undefined;
	return { doneAt: value.doneAt };
}

/** A lab entry: the learner's own mark (`doneAt`), the grader's last result (`grader`), or both. */
export function readLabProgress(value: unknown): LabProgress | undefined {
	if (!isPlainObject(value) || !hasOnlyKeys(value, ['doneAt', 'grader'])) return undefined;
	const lab: LabProgress = {};
	if (value.doneAt !== undefined) {
		if (!isTimestamp(value.doneAt)) return undefined;
		lab.doneAt = value.doneAt;
	}
	if (value.grader !== undefined) {
		const grader = readLabGraderResult(value.grader);
		if (!grader) return undefined;
		lab.grader = grader;
	}
	return lab.doneAt === undefined && lab.grader === undefined ? undefined : lab;
}

export function readQuizProgress(value: unknown): QuizProgress | undefined {
	if (!isPlainObject(value) || !hasOnlyKeys(value, ['answers', 'score', 'maxScore', 'completedAt', 'attempts'])) {
		return undefined;
	}
	const { answers, score, maxScore, completedAt, attempts } = value;
	if (!isCount(score) || !isCount(maxScore) || maxScore === 0 || score > maxScore) return undefined;
	if (!isCount(attempts) || attempts === 0 || !isTimestamp(completedAt) || !isPlainObject(answers)) return undefined;
	const checkedAnswers: Record<string, string[]> = {};
	for (const [questionId, keys] of Object.entries(answers)) {
		if (!SLUG_ID.test(questionId) || !Array.isArray(keys) || keys.length === 0) return undefined;
		if (!keys.every((key) => typeof key === 'string' && OPTION_KEY.test(key))) return undefined;
		if (!areSortedUniqueKeys(keys as string[])) return undefined;
		checkedAnswers[questionId] = keys as string[];
	}
	return { answers: checkedAnswers, score, maxScore, completedAt, attempts };
}

export interface SectionResult<T> {
	entries: Record<string, T>;
	/** How many entries were invalid and left out. */
	discarded: number;
}

/** Keeps the valid entries of a `{ id: entry }` section; a section that is not an object counts as one loss. */
export function readSection<T>(
	value: unknown,
	idPattern: RegExp,
	readEntry: (entry: unknown) => T | undefined,
): SectionResult<T> {
	const entries: Record<string, T> = {};
	if (value === undefined) return { entries, discarded: 0 };
	if (!isPlainObject(value)) return { entries, discarded: 1 };
	let discarded = 0;
	for (const [id, raw] of Object.entries(value)) {
		const entry = idPattern.test(id) ? readEntry(raw) : undefined;
		if (entry === undefined) discarded += 1;
		else entries[id] = entry;
	}
	return { entries, discarded };
}

export function emptyProgress(): StoredProgress {
	return { version: PROGRESS_VERSION, learner: {}, pages: {}, quizzes: {}, labs: {} };
}

export interface ReadProgressResult {
	progress: StoredProgress;
	/** Entries (or whole sections) dropped because they were invalid; 0 for a clean document. */
	discarded: number;
}

/**
 * Reads a stored document that already has the current version, salvaging every valid entry. Anything
 * that is not even an object of the current version comes back empty with `discarded: 1`.
 */
export function readStoredProgress(value: unknown): ReadProgressResult {
	if (!isPlainObject(value) || value.version !== PROGRESS_VERSION) return { progress: emptyProgress(), discarded: 1 };
	const pages = readSection(value.pages, PAGE_ID, readPageProgress);
	const quizzes = readSection(value.quizzes, SLUG_ID, readQuizProgress);
	const labs = readSection(value.labs, SLUG_ID, readLabProgress);
	const learner = value.learner === undefined ? {} : readLearner(value.learner);
	const unknownKeys = Object.keys(value).filter(
		(key) => !['version', 'learner', 'pages', 'quizzes', 'labs'].includes(key),
	);
	return {
		progress: {
			version: PROGRESS_VERSION,
			learner: learner ?? {},
			pages: pages.entries,
			quizzes: quizzes.entries,
			labs: labs.entries,
		},
		discarded:
			pages.discarded + quizzes.discarded + labs.discarded + (learner === undefined ? 1 : 0) + unknownKeys.length,
	};
}
