import type { LabGraderResult, LabProgress, Learner, QuizProgress, StoredProgress } from '../schemas/progress.ts';
import { migrateProgress } from './progress-migrate.ts';
import { createMemoryStorage, type KeyValueStorage } from './progress-storage.ts';
import { emptyProgress, readStoredProgress } from './progress-validate.ts';

/**
 * The learner's progress (pages read, quiz submissions, labs done), kept under one key per course:
 * `<prefix>:progress`. The prefix lets several courses share an origin (e.g. one GitHub Pages user
 * site) without reading each other's data.
 *
 * Loading never throws: unparseable data is dropped, damaged entries are dropped one by one, data from
 * a newer site version is left untouched while this page works in memory.
 */

export const DEFAULT_PROGRESS_PREFIX = 'sre-course';

export type ProgressLoadStatus =
	/** Nothing stored yet. */
	| 'empty'
	| 'ok'
	| 'migrated'
	/** Some entries were invalid and have been dropped. */
	| 'repaired'
	/** The stored value was unusable (not JSON, not a progress document) and has been replaced. */
	| 'discarded'
	/** Written by a newer version of the site; kept as is, this page works in memory. */
	| 'newer';

export interface QuizSubmission {
	answers: Record<string, readonly string[]>;
	score: number;
	maxScore: number;
}

export interface ProgressStore {
	readonly key: string;
	/** False when changes only last for this tab (storage blocked, full, or owned by a newer version). */
	readonly persistent: boolean;
	readonly loadStatus: ProgressLoadStatus;
	get(): StoredProgress;
	markPageRead(pageId: string, read: boolean): void;
	saveQuiz(quizId: string, submission: QuizSubmission): QuizProgress;
	/** The learner's own "I have completed this lab" mark; the grader's result, if any, is kept. */
	setLabDone(labId: string, done: boolean): void;
	/** Records the grader's result for a lab (from `sre-lab check --json`), beside the hand-set mark. */
	recordLabGrade(labId: string, grader: LabGraderResult): void;
	setLearner(learner: Learner): void;
	/** Replaces everything, e.g. with an imported file. */
	replace(progress: StoredProgress): void;
	reset(): void;
	/** Re-reads storage, e.g. after another tab changed it. */
	reload(): void;
	/**
	 * Called after every change with the new progress and where it came from: `local` for a change made
	 * through this store, `reload` when storage was re-read. Returns an unsubscribe function.
	 */
	subscribe(listener: ProgressListener): () => void;
}

export type ProgressListener = (progress: StoredProgress, origin: 'local' | 'reload') => void;

export interface ProgressStoreOptions {
	prefix?: string;
	storage?: KeyValueStorage;
	persistent?: boolean;
	now?: () => Date;
}

export function progressKey(prefix: string): string {
	return `${prefix}:progress`;
}

interface Loaded {
	progress: StoredProgress;
	status: ProgressLoadStatus;
}

export function loadProgress(storage: KeyValueStorage, key: string): Loaded {
	let text: string | null;
	try {
		text = storage.getItem(key);
	} catch {
		return { progress: emptyProgress(), status: 'discarded' };
	}
	if (text === null) return { progress: emptyProgress(), status: 'empty' };
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return { progress: emptyProgress(), status: 'discarded' };
	}
	const migration = migrateProgress(parsed);
	if (migration.kind === 'newer') return { progress: emptyProgress(), status: 'newer' };
	if (migration.kind === 'unreadable') return { progress: emptyProgress(), status: 'discarded' };
	const { progress, discarded } = readStoredProgress(migration.document);
	if (discarded > 0) return { progress, status: 'repaired' };
	return { progress, status: migration.kind === 'migrated' ? 'migrated' : 'ok' };
}

export function createProgressStore(options: ProgressStoreOptions = {}): ProgressStore {
	const key = progressKey(options.prefix ?? DEFAULT_PROGRESS_PREFIX);
	const now = options.now ?? (() => new Date());
	let storage = options.storage ?? createMemoryStorage();
	let persistent = options.persistent ?? options.storage !== undefined;
	const listeners = new Set<ProgressListener>();

	const initial = loadProgress(storage, key);
	let progress = initial.progress;
	const loadStatus = initial.status;
	if (loadStatus === 'newer') {
		// Never overwrite data this version cannot understand; keep working in memory instead.
		storage = createMemoryStorage();
		persistent = false;
	}

	function commit(next: StoredProgress): void {
		progress = next;
		try {
			storage.setItem(key, JSON.stringify(next));
		} catch {
			// Quota exceeded or storage revoked mid-session: keep the learner going in memory.
			storage = createMemoryStorage();
			persistent = false;
			storage.setItem(key, JSON.stringify(next));
		}
		for (const listener of listeners) listener(progress, 'local');
	}

	function withEntry<T>(section: Record<string, T>, id: string, entry: T | undefined): Record<string, T> {
		const copy = { ...section };
		if (entry === undefined) delete copy[id];
		else copy[id] = entry;
		return copy;
	}

	return {
		key,
		get persistent() {
			return persistent;
		},
		loadStatus,
		get: () => progress,
		markPageRead(pageId, read) {
			const entry = read ? { readAt: now().toISOString() } : undefined;
			commit({ ...progress, pages: withEntry(progress.pages, pageId, entry) });
		},
		saveQuiz(quizId, submission) {
			const answers: Record<string, string[]> = {};
			for (const [questionId, keys] of Object.entries(submission.answers)) {
				if (keys.length > 0) answers[questionId] = [...keys].sort();
			}
			const entry: QuizProgress = {
				answers,
				score: submission.score,
				maxScore: submission.maxScore,
				completedAt: now().toISOString(),
				attempts: (progress.quizzes[quizId]?.attempts ?? 0) + 1,
			};
			commit({ ...progress, quizzes: withEntry(progress.quizzes, quizId, entry) });
			return entry;
		},
		setLabDone(labId, done) {
			const { doneAt: _previous, ...rest } = progress.labs[labId] ?? {};
			const entry: LabProgress = done ? { ...rest, doneAt: now().toISOString() } : rest;
			const keep = entry.doneAt !== undefined || entry.grader !== undefined;
			commit({ ...progress, labs: withEntry(progress.labs, labId, keep ? entry : undefined) });
		},
		recordLabGrade(labId, grader) {
			const entry: LabProgress = { ...progress.labs[labId], grader: { ...grader } };
			commit({ ...progress, labs: withEntry(progress.labs, labId, entry) });
		},
		setLearner(learner) {
			const cleaned: typeof learner = {};
			for (const field of ['id', 'name', 'email'] as const) {
				const value = learner[field]?.trim();
				if (value) cleaned[field] = value;
			}
			commit({ ...progress, learner: cleaned });
		},
		replace(next) {
			commit(next);
		},
		reset() {
			commit(emptyProgress());
		},
		reload() {
			const loaded = loadProgress(storage, key);
			if (loaded.status === 'newer') return;
			progress = loaded.progress;
			for (const listener of listeners) listener(progress, 'reload');
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
	};
}
