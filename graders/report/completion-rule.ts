import { z } from 'zod';

const idList = z.array(z.string().min(1));

/**
 * When a learner counts as having completed the course. `all` means every lab (or quiz) column of
 * the report; a list names exactly the ones that count. A missing quiz counts as 0 % in the average,
 * so skipping quizzes cannot raise it.
 */
export const CompletionRuleSchema = z.object({
	labs: z.union([z.literal('all'), idList]).default('all'),
	quizzes: z.union([z.literal('all'), idList]).default('all'),
	minQuizAveragePercent: z.number().min(0).max(100).default(70),
});

export type CompletionRuleInput = z.input<typeof CompletionRuleSchema>;
export type CompletionRule = z.output<typeof CompletionRuleSchema>;

export const defaultCompletionRule: CompletionRule = CompletionRuleSchema.parse({});

/** Turns `all`, `none` or `lab1,lab2` (as typed on the command line) into a rule field. */
export function parseIdSelection(text: string): 'all' | string[] {
	const trimmed = text.trim();
	if (trimmed === 'all') return 'all';
	if (trimmed === 'none' || trimmed === '') return [];
	return trimmed
		.split(',')
		.map((id) => id.trim())
		.filter((id) => id.length > 0);
}

export function describeCompletionRule(rule: CompletionRule): string {
	const labs =
		rule.labs === 'all' ? 'every lab passed' : rule.labs.length === 0 ? null : `${rule.labs.join(', ')} passed`;
	const quizScope =
		rule.quizzes === 'all'
			? 'quiz average'
			: rule.quizzes.length === 0
				? null
				: `average of ${rule.quizzes.join(', ')}`;
	const quizzes = quizScope === null ? null : `${quizScope} ≥ ${rule.minQuizAveragePercent} %`;
	const parts = [labs, quizzes].filter((part): part is string => part !== null);
	return parts.length === 0 ? 'no requirement' : parts.join(' and ');
}

export interface LearnerStanding {
	/** Lab ids the learner has passed at least once. */
	passedLabs: ReadonlySet<string>;
	/** Best percentage per quiz taken. */
	quizPercents: Readonly<Record<string, number>>;
}

export interface CompletionVerdict {
	complete: boolean;
	/** What is still missing, in words an instructor can pass on; empty when complete. */
	missing: string[];
	/** Average over the quizzes that count, or null when none count. */
	quizAveragePercent: number | null;
}

export function evaluateCompletion(
	standing: LearnerStanding,
	rule: CompletionRule,
	columns: { labs: readonly string[]; quizzes: readonly string[] },
): CompletionVerdict {
	const requiredLabs = rule.labs === 'all' ? columns.labs : rule.labs;
	const requiredQuizzes = rule.quizzes === 'all' ? columns.quizzes : rule.quizzes;
	const missing: string[] = [];
	for (const lab of requiredLabs) if (!standing.passedLabs.has(lab)) missing.push(`${lab} not passed`);

	let quizAveragePercent: number | null = null;
	if (requiredQuizzes.length > 0) {
		const total = requiredQuizzes.reduce((sum, quiz) => sum + (standing.quizPercents[quiz] ?? 0), 0);
		quizAveragePercent = roundPercent(total / requiredQuizzes.length);
		const untaken = requiredQuizzes.filter((quiz) => standing.quizPercents[quiz] === undefined);
		if (quizAveragePercent < rule.minQuizAveragePercent) {
			missing.push(
				`quiz average ${quizAveragePercent} % < ${rule.minQuizAveragePercent} %` +
					(untaken.length > 0 ? ` (not taken: ${untaken.join(', ')})` : ''),
			);
		}
	}
	return { complete: missing.length === 0, missing, quizAveragePercent };
}

/** One decimal place: enough to compare with a threshold, without floating-point noise in reports. */
export function roundPercent(value: number): number {
	return Math.round(value * 10) / 10;
}
