import { z } from 'zod';
import {
	areSortedUniqueKeys,
	COURSE_ID,
	ISO_TIMESTAMP,
	isUtcTimestamp,
	MAX_LEARNER_FIELD_LENGTH,
	OPTION_KEY,
	PAGE_ID,
	PROGRESS_EXPORT_FORMAT,
	PROGRESS_VERSION,
	SLUG_ID,
} from '../utils/progress-rules.ts';

/**
 * The learner's progress, as kept in the browser and as exported to a file for the gradebook
 * (`sre-lab import-progress FILE`). This file is the contract; docs/progress-format.md explains it.
 * The browser validates with a lighter hand-written equivalent (src/utils/progress-validate.ts) that a
 * unit test holds to exactly these rules.
 */

const timestamp = z
	.string()
	.regex(ISO_TIMESTAMP, 'Expected a UTC ISO 8601 timestamp such as 2026-11-22T16:05:00.000Z')
	.refine(isUtcTimestamp, 'Expected a real date and time; this one does not exist in the calendar');
const learnerField = z.string().trim().min(1).max(MAX_LEARNER_FIELD_LENGTH);

export const LearnerSchema = z.strictObject({
	/** Whatever id the instructor's roster uses (employee number, username). */
	id: learnerField.optional(),
	name: learnerField.optional(),
	email: learnerField.optional(),
});

export const PageProgressSchema = z.strictObject({
	/** When the learner marked the page as read. */
	readAt: timestamp,
});

export const QuizProgressSchema = z
	.strictObject({
		/** Question id → option keys chosen at the last submission (`a` is the bank's first option). */
		answers: z.record(
			z.string().regex(SLUG_ID),
			z
				.array(z.string().regex(OPTION_KEY))
				.min(1)
				.refine(areSortedUniqueKeys, 'Option keys must be sorted, each one once (["a", "c"])'),
		),
		/** Questions answered fully correctly at the last submission. */
		score: z.number().int().nonnegative(),
		maxScore: z.number().int().positive(),
		/** When the last submission was made. */
		completedAt: timestamp,
		/** How many times the learner has submitted this quiz. */
		attempts: z.number().int().positive(),
	})
	.refine((quiz) => quiz.score <= quiz.maxScore, { message: 'score cannot exceed maxScore', path: ['score'] });

export const LabProgressSchema = z.strictObject({
	/** When the learner marked the lab as done (self-reported; the grader verifies the account). */
	doneAt: timestamp,
});

/** A section left out counts as empty, so a file from a learner who never opened a lab is still valid. */
const sections = {
	/** Page id (doc slug, e.g. `day-1/what-is-sre`) → read mark. */
	pages: z.record(z.string().regex(PAGE_ID), PageProgressSchema).default({}),
	/** Quiz id (`module-04`, `day-1`) → last submission. */
	quizzes: z.record(z.string().regex(SLUG_ID), QuizProgressSchema).default({}),
	/** Lab id (`lab1`) → done mark. */
	labs: z.record(z.string().regex(SLUG_ID), LabProgressSchema).default({}),
};

/** What localStorage holds under `<prefix>:progress`. */
export const StoredProgressSchema = z.strictObject({
	version: z.literal(PROGRESS_VERSION),
	learner: LearnerSchema.default({}),
	...sections,
});

/** The export file: the stored progress plus what an importer needs to trust and place it. */
export const ProgressExportSchema = z.strictObject({
	format: z.literal(PROGRESS_EXPORT_FORMAT),
	version: z.literal(PROGRESS_VERSION),
	exportedAt: timestamp,
	course: z.strictObject({ id: z.literal(COURSE_ID), title: z.string().min(1) }),
	learner: LearnerSchema.optional(),
	...sections,
});

export type Learner = z.output<typeof LearnerSchema>;
export type PageProgress = z.output<typeof PageProgressSchema>;
export type QuizProgress = z.output<typeof QuizProgressSchema>;
export type LabProgress = z.output<typeof LabProgressSchema>;
export type StoredProgress = z.output<typeof StoredProgressSchema>;
export type ProgressExport = z.output<typeof ProgressExportSchema>;
export type ProgressExportInput = z.input<typeof ProgressExportSchema>;
