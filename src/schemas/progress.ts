import { z } from 'zod';
import {
	areSortedUniqueKeys,
	COURSE_ID,
	ISO_TIMESTAMP,
	isUtcTimestamp,
	LAB_OUTCOMES,
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

/** Version 1 lab entry: only the learner's own mark. */
export const LabProgressV1Schema = z.strictObject({
	/** When the learner marked the lab as done (self-reported; the grader verifies the account). */
	doneAt: timestamp,
});

/**
 * The last `sre-lab check --json` result the learner gave the lab page: the grader's verdict on their
 * account, as opposed to `doneAt`, which is only the learner's word.
 */
export const LabGraderResultSchema = z
	.strictObject({
		/** Points earned and available, as the grader reported them. */
		score: z.number().int().nonnegative(),
		maxScore: z.number().int().positive(),
		/** `pass` only when every check passed; `error` when the grader could not tell for some check. */
		outcome: z.enum(LAB_OUTCOMES),
		/** When the grader graded the account (`gradedAt` of the result document). */
		gradedAt: timestamp,
	})
	.refine((grader) => grader.score <= grader.maxScore, { message: 'score cannot exceed maxScore', path: ['score'] });

export const LabProgressSchema = z
	.strictObject({
		/** When the learner marked the lab as done by hand. */
		doneAt: timestamp.optional(),
		/** The grader's last result for this lab, given to the lab page by the learner. */
		grader: LabGraderResultSchema.optional(),
	})
	.refine((lab) => lab.doneAt !== undefined || lab.grader !== undefined, {
		message: 'A lab entry needs "doneAt", "grader" or both',
	});

/** A section left out counts as empty, so a file from a learner who never opened a lab is still valid. */
const sections = {
	/** Page id (doc slug, e.g. `day-1/what-is-sre`) → read mark. */
	pages: z.record(z.string().regex(PAGE_ID), PageProgressSchema).default({}),
	/** Quiz id (`module-04`, `day-1`) → last submission. */
	quizzes: z.record(z.string().regex(SLUG_ID), QuizProgressSchema).default({}),
	/** Lab id (`lab1`) → hand-set done mark and/or the grader's last result. */
	labs: z.record(z.string().regex(SLUG_ID), LabProgressSchema).default({}),
};

/** What localStorage holds under `<prefix>:progress`. */
export const StoredProgressSchema = z.strictObject({
	version: z.literal(PROGRESS_VERSION),
	learner: LearnerSchema.default({}),
	...sections,
});

const exportHeader = {
	format: z.literal(PROGRESS_EXPORT_FORMAT),
	exportedAt: timestamp,
	course: z.strictObject({ id: z.literal(COURSE_ID), title: z.string().min(1) }),
	learner: LearnerSchema.optional(),
};

/** The current export file: the stored progress plus what an importer needs to trust and place it. */
export const ProgressExportV2Schema = z.strictObject({
	...exportHeader,
	version: z.literal(PROGRESS_VERSION),
	...sections,
});

/** A version 1 file (before lab entries could carry the grader's result). */
export const ProgressExportV1Schema = z.strictObject({
	...exportHeader,
	version: z.literal(1),
	...sections,
	labs: z.record(z.string().regex(SLUG_ID), LabProgressV1Schema).default({}),
});

/**
 * Any export file this site has ever written, read as the current version: a version 1 file's labs are
 * valid version 2 labs, so migrating it only restamps the version (src/utils/progress-migrate.ts does
 * the same for browser storage). Discriminated on `version`, so an error names the field at fault.
 */
export const ProgressExportSchema = z
	.discriminatedUnion('version', [ProgressExportV2Schema, ProgressExportV1Schema])
	.transform((file): z.output<typeof ProgressExportV2Schema> => ({ ...file, version: PROGRESS_VERSION }));

export type Learner = z.output<typeof LearnerSchema>;
export type PageProgress = z.output<typeof PageProgressSchema>;
export type QuizProgress = z.output<typeof QuizProgressSchema>;
export type LabProgress = z.output<typeof LabProgressSchema>;
export type LabGraderResult = z.output<typeof LabGraderResultSchema>;
export type StoredProgress = z.output<typeof StoredProgressSchema>;
export type ProgressExport = z.output<typeof ProgressExportSchema>;
export type ProgressExportInput = z.input<typeof ProgressExportSchema>;
