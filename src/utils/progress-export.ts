import type { ProgressExport, StoredProgress } from '../schemas/progress.ts';
import { migrateProgress } from './progress-migrate.ts';
import {
	COURSE_ID,
	COURSE_TITLE,
	isUtcTimestamp,
	PAGE_ID,
	PROGRESS_EXPORT_FORMAT,
	PROGRESS_VERSION,
	SLUG_ID,
} from './progress-rules.ts';
import {
	isPlainObject,
	readLabProgress,
	readLabProgressV1,
	readLearner,
	readPageProgress,
	readQuizProgress,
	readSection,
} from './progress-validate.ts';

/**
 * The export file a learner downloads from "My progress" and an instructor imports into the gradebook.
 * docs/progress-format.md documents it; `ProgressExportSchema` in src/schemas/progress.ts is its contract.
 */

export function createProgressExport(progress: StoredProgress, exportedAt: Date): ProgressExport {
	const hasLearner = Object.keys(progress.learner).length > 0;
	return {
		format: PROGRESS_EXPORT_FORMAT,
		version: PROGRESS_VERSION,
		exportedAt: exportedAt.toISOString(),
		course: { id: COURSE_ID, title: COURSE_TITLE },
		...(hasLearner ? { learner: progress.learner } : {}),
		pages: progress.pages,
		quizzes: progress.quizzes,
		labs: progress.labs,
	};
}

/** `sre-course-progress-ada-2026-11-22.json`: the learner id (if any) helps an instructor sort a pile of files. */
export function exportFileName(progress: StoredProgress, exportedAt: Date): string {
	const who = (progress.learner.id ?? progress.learner.email ?? '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	const date = exportedAt.toISOString().slice(0, 10);
	return `${PROGRESS_EXPORT_FORMAT}${who ? `-${who}` : ''}-${date}.json`;
}

export type ReadExportResult = { ok: true; progress: StoredProgress } | { ok: false; reason: string };

/**
 * Checks an imported file strictly: unlike loading from storage, nothing is silently dropped, because
 * the learner chose this file and should hear what is wrong with it.
 */
export function readProgressExport(value: unknown): ReadExportResult {
	if (!isPlainObject(value) || value.format !== PROGRESS_EXPORT_FORMAT) {
		return {
			ok: false,
			reason: 'This file is not a progress export of this course (its "format" field is missing or different).',
		};
	}
	if (typeof value.version !== 'number' || value.version > PROGRESS_VERSION) {
		return {
			ok: false,
			reason: `This file has format version ${String(value.version)}, which this site cannot read. Update the site or export again.`,
		};
	}
	const migration = migrateProgress(value);
	if (migration.kind !== 'current' && migration.kind !== 'migrated') {
		return { ok: false, reason: `This file has an unknown format version ${String(value.version)}.` };
	}
	// A version 1 lab entry was only ever the learner's mark; a `grader` in one was not written by this site.
	if (value.version === 1 && readSection(value.labs, SLUG_ID, readLabProgressV1).discarded > 0) {
		return { ok: false, reason: 'Some entries in the file are invalid (labs). Nothing was imported.' };
	}
	const course = value.course;
	if (!isPlainObject(course) || course.id !== COURSE_ID || typeof course.title !== 'string' || course.title === '') {
		return { ok: false, reason: `This file belongs to another course (expected course id "${COURSE_ID}").` };
	}
	if (typeof value.exportedAt !== 'string' || !isUtcTimestamp(value.exportedAt)) {
		return { ok: false, reason: 'The file has no valid "exportedAt" timestamp.' };
	}
	const allowed = ['format', 'version', 'exportedAt', 'course', 'learner', 'pages', 'quizzes', 'labs'];
	const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
	if (unknown.length > 0) return { ok: false, reason: `The file has unexpected fields: ${unknown.join(', ')}.` };
	const learner = value.learner === undefined ? {} : readLearner(value.learner);
	if (learner === undefined) return { ok: false, reason: 'The learner details in the file are invalid.' };
	const pages = readSection(value.pages, PAGE_ID, readPageProgress);
	const quizzes = readSection(value.quizzes, SLUG_ID, readQuizProgress);
	const labs = readSection(value.labs, SLUG_ID, readLabProgress);
	const broken = [
		pages.discarded > 0 ? 'pages' : '',
		quizzes.discarded > 0 ? 'quizzes' : '',
		labs.discarded > 0 ? 'labs' : '',
	].filter(Boolean);
	if (broken.length > 0)
		return { ok: false, reason: `Some entries in the file are invalid (${broken.join(', ')}). Nothing was imported.` };
	return {
		ok: true,
		progress: {
			version: PROGRESS_VERSION,
			learner,
			pages: pages.entries,
			quizzes: quizzes.entries,
			labs: labs.entries,
		},
	};
}
