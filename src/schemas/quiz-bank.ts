import { z } from 'zod';

/**
 * A quiz bank is one YAML file per course module (`quizzes/module-04.yaml`). This schema is the single
 * definition of its shape: the build validates every bank with it, and the quiz component's types are
 * derived from it, so the data and the UI cannot drift apart.
 *
 * Plain `zod` (not `astro/zod`) because the same schema runs in the Astro build and in plain Node tests;
 * both resolve to the same zod 4 package.
 */

/** Stable ids become storage keys and export fields, so they are limited to lowercase slugs. */
const slug = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens, e.g. "m04-slo-vs-sla"');

const nonEmptyText = z.string().trim().min(1, 'Must not be empty');

export const quizKinds = ['single', 'multiple'] as const;

export const QuizOptionSchema = z.strictObject({
	/** What the learner reads next to the radio button or checkbox. */
	text: nonEmptyText,
	/** Whether choosing this option is part of the right answer. */
	correct: z.boolean(),
	/** Why this option is right or wrong; shown after the learner checks their answers. */
	explanation: nonEmptyText,
});

/** Six options is already a long list to hold in mind; two is the least that makes a choice. */
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 6;

export const QuizQuestionSchema = z
	.strictObject({
		/** Stable identifier: answers saved in browsers and exported to the gradebook refer to it. */
		id: slug,
		/** `single`: radio buttons, exactly one correct option. `multiple`: checkboxes, one or more correct. */
		kind: z.enum(quizKinds),
		/** The question, optionally preceded by a short scenario. `code` in backticks is rendered as code. */
		prompt: nonEmptyText,
		options: z.array(QuizOptionSchema).min(MIN_OPTIONS).max(MAX_OPTIONS),
		/** Also asked in the end-of-day quiz. Each bank marks exactly {@link REVIEW_QUESTIONS_PER_BANK}. */
		review: z.boolean().default(false),
	})
	.superRefine((question, context) => {
		const correctCount = question.options.filter((option) => option.correct).length;
		if (question.kind === 'single' && correctCount !== 1) {
			context.addIssue({
				code: 'custom',
				path: ['options'],
				message: `A single-choice question needs exactly one correct option; this one has ${correctCount}`,
			});
		}
		if (question.kind === 'multiple' && correctCount === 0) {
			context.addIssue({
				code: 'custom',
				path: ['options'],
				message: 'A multiple-choice question needs at least one correct option; none is marked correct',
			});
		}
	});

/** Every module gets at least this many questions, so its quiz checks more than one idea. */
export const MIN_QUESTIONS_PER_BANK = 5;

/**
 * How many questions of each bank the end-of-day quiz reuses. Authors pick them with `review: true`
 * (the questions that best sum up the module) instead of the build guessing, and the count is fixed so
 * every module weighs the same in its day's quiz.
 */
export const REVIEW_QUESTIONS_PER_BANK = 2;

export const QuizBankSchema = z
	.strictObject({
		/** Course module number, 1–13; must match the file name (`module-04.yaml` → 4). */
		module: z.number().int().min(1).max(13),
		/** The module's title, used in quiz headings and on the progress page. */
		title: nonEmptyText,
		questions: z.array(QuizQuestionSchema).min(MIN_QUESTIONS_PER_BANK),
	})
	.superRefine((bank, context) => {
		const reviewCount = bank.questions.filter((question) => question.review).length;
		if (reviewCount !== REVIEW_QUESTIONS_PER_BANK) {
			context.addIssue({
				code: 'custom',
				path: ['questions'],
				message: `Mark exactly ${REVIEW_QUESTIONS_PER_BANK} questions with "review: true" for the end-of-day quiz; found ${reviewCount}`,
			});
		}
	});

export type QuizOptionInput = z.input<typeof QuizOptionSchema>;
export type QuizOption = z.output<typeof QuizOptionSchema>;
export type QuizQuestionInput = z.input<typeof QuizQuestionSchema>;
export type QuizQuestion = z.output<typeof QuizQuestionSchema>;
export type QuizBankInput = z.input<typeof QuizBankSchema>;
export type QuizBank = z.output<typeof QuizBankSchema>;
export type QuizKind = (typeof quizKinds)[number];
