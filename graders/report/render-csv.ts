import type { CompletionMatrix } from './completion-matrix.ts';
import { toCsv } from './csv-escape.ts';

/** The calendar day (UTC) of an ISO timestamp: what an LMS or HR system expects in a date column. */
export function dayOf(timestamp: string | null): string {
	return timestamp ? timestamp.slice(0, 10) : '';
}

/**
 * One row per learner, fixed columns first, then four per lab and two per quiz. Column names are
 * stable identifiers (lab and quiz ids) so an import mapping keeps working as labs are added.
 */
export function renderCompletionCsv(matrix: CompletionMatrix): string {
	const header = [
		'cohort',
		'learner_id',
		'name',
		'email',
		'account_id',
		'complete',
		'missing',
		'quiz_average_percent',
		...matrix.labs.flatMap((lab) => [
			`${lab.id}_status`,
			`${lab.id}_score`,
			`${lab.id}_max_score`,
			`${lab.id}_first_passed_on`,
		]),
		...matrix.quizzes.flatMap((quiz) => [`quiz_${quiz}_percent`, `quiz_${quiz}_completed_on`]),
	];
	const rows = matrix.rows.map((row) => [
		row.cohort,
		row.learnerId,
		row.name,
		row.email,
		row.accountId,
		row.complete ? 'yes' : 'no',
		row.missing.join('; '),
		row.quizAveragePercent,
		...matrix.labs.flatMap((lab) => {
			const cell = row.labs[lab.id];
			return [cell?.status ?? 'not-attempted', cell?.bestScore, cell?.maxScore, dayOf(cell?.firstPassedAt ?? null)];
		}),
		...matrix.quizzes.flatMap((quiz) => {
			const cell = row.quizzes[quiz];
			return [cell?.percent, dayOf(cell?.completedAt ?? null)];
		}),
	]);
	return toCsv([header, ...rows]);
}
