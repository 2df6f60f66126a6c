import { z } from 'zod';
import type { LabResult } from '../../graders/engine/types.ts';
import { isUtcTimestamp, LAB_OUTCOMES, SLUG_ID } from '../utils/progress-rules.ts';

/**
 * The result document `sre-lab check --json` writes (graders/output/json.ts, type `LabResult` in
 * graders/engine/types.ts), as a learner gives it to a lab page. Everything in it came from a file the
 * learner picked or pasted, so the page trusts nothing it has not checked here, and renders the
 * strings as text, never as markup. Unknown fields are dropped, so a newer grader's additions do not
 * lock learners out; the fields the page shows must be present and well-formed.
 */

const text = z.string().max(4000);
const count = z.number().int().nonnegative();

export const CheckResultSchema = z.object({
	id: z.string().regex(SLUG_ID, 'Expected a check id such as "instance-serves-http"'),
	title: text,
	step: z.number().int().positive(),
	points: count,
	earned: count,
	status: z.enum(['pass', 'fail', 'error', 'skipped']),
	message: text,
	hint: text.optional(),
	evidence: z.array(text).max(500).default([]),
});

export const LabResultSchema = z.object({
	format: z.literal('sre-lab-result', {
		error: 'This is not the output of "sre-lab check --json" (its "format" is not "sre-lab-result").',
	}),
	version: z.literal(1, { error: 'This result has a format version this page cannot read.' }),
	lab: z.string().regex(SLUG_ID),
	title: text,
	accountId: z.string().max(64).nullable(),
	region: z.string().max(64),
	gradedAt: z.string().refine(isUtcTimestamp, 'Expected a UTC timestamp such as 2026-11-22T16:05:00.000Z'),
	collectedAt: z.string().refine(isUtcTimestamp, 'Expected a UTC timestamp such as 2026-11-22T16:05:00.000Z'),
	score: count,
	maxScore: z.number().int().positive(),
	outcome: z.enum(LAB_OUTCOMES),
	checks: z.array(CheckResultSchema).min(1).max(200),
});

export type LabResultInput = z.input<typeof LabResultSchema>;
export type LabResultDocument = z.output<typeof LabResultSchema>;

/** Compile-time guard: the schema describes what the grader writes (a drifted grader type fails the typecheck). */
export const graderResultFitsSchema = (result: LabResult): LabResultInput => result;
