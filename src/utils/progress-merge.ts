import type { LabProgress, PageProgress, QuizProgress, StoredProgress } from '../schemas/progress.ts';
import { PROGRESS_VERSION } from './progress-rules.ts';

/**
 * Importing a progress file merges it into the browser's progress instead of replacing it, so a file
 * exported last week cannot wipe out what the learner did since: for every entry the newer one wins.
 * (Starting over from a file is still possible: reset first, then import.)
 */

export interface MergeCounts {
	/** Entries only the file had. */
	added: number;
	/** Entries the file had newer than this browser. */
	updated: number;
	/** Entries this browser had newer than (or the same as) the file. */
	kept: number;
}

export interface MergeResult {
	progress: StoredProgress;
	counts: MergeCounts;
}

type Pick<T> = (current: T, incoming: T) => { entry: T; fromIncoming: boolean };

function mergeSection<T>(
	current: Record<string, T>,
	incoming: Record<string, T>,
	pick: Pick<T>,
	counts: MergeCounts,
): Record<string, T> {
	const merged = { ...current };
	for (const [id, entry] of Object.entries(incoming)) {
		const mine = current[id];
		if (mine === undefined) {
			merged[id] = entry;
			counts.added += 1;
			continue;
		}
		const chosen = pick(mine, entry);
		merged[id] = chosen.entry;
		if (chosen.fromIncoming) counts.updated += 1;
		else counts.kept += 1;
	}
	return merged;
}

/** ISO timestamps in the one format the store writes compare correctly as strings, but Date is clearer. */
const later = (a: string, b: string): boolean => Date.parse(a) > Date.parse(b);

/** A page was read when it was first marked read: keep the earlier mark. */
const pickPage: Pick<PageProgress> = (current, incoming) =>
	later(current.readAt, incoming.readAt)
		? { entry: incoming, fromIncoming: true }
		: { entry: current, fromIncoming: false };

/** The latest submission is the one that counts; attempts add up to the larger of the two counts. */
const pickQuiz: Pick<QuizProgress> = (current, incoming) => {
	const attempts = Math.max(current.attempts, incoming.attempts);
	return later(incoming.completedAt, current.completedAt)
		? { entry: { ...incoming, attempts }, fromIncoming: true }
		: { entry: { ...current, attempts }, fromIncoming: false };
};

/** The hand-set mark and the grader's result merge separately: the first mark, the latest grading. */
const pickLab: Pick<LabProgress> = (current, incoming) => {
	const entry: LabProgress = {};
	let fromIncoming = false;
	const doneAt = [current.doneAt, incoming.doneAt].filter((value): value is string => value !== undefined);
	if (doneAt.length > 0) {
		entry.doneAt = doneAt.reduce((first, value) => (later(first, value) ? value : first));
		fromIncoming ||= entry.doneAt !== current.doneAt;
	}
	const { grader: mine } = current;
	const { grader: theirs } = incoming;
	if (theirs && (!mine || later(theirs.gradedAt, mine.gradedAt))) {
		entry.grader = theirs;
		fromIncoming = true;
	} else if (mine) {
		entry.grader = mine;
	}
	return { entry, fromIncoming };
};

export function mergeProgress(current: StoredProgress, incoming: StoredProgress): MergeResult {
	const counts: MergeCounts = { added: 0, updated: 0, kept: 0 };
	const progress: StoredProgress = {
		version: PROGRESS_VERSION,
		// Details typed in this browser are the learner's latest; the file only fills the gaps.
		learner: { ...incoming.learner, ...current.learner },
		pages: mergeSection(current.pages, incoming.pages, pickPage, counts),
		quizzes: mergeSection(current.quizzes, incoming.quizzes, pickQuiz, counts),
		labs: mergeSection(current.labs, incoming.labs, pickLab, counts),
	};
	return { progress, counts };
}
