import type { GradebookDb } from './open-gradebook.ts';

export interface QuizScore {
	quizId: string;
	score: number;
	maxScore: number;
	completedAt: string;
}

/**
 * Stores a learner's quiz scores. A file imported twice adds nothing (the same quiz completed at the
 * same moment is the same result); a retake completed later is kept as history.
 * Returns how many results were new.
 */
export function recordQuizScores(
	db: GradebookDb,
	learnerRowId: number,
	scores: readonly QuizScore[],
	source: string,
	now: string,
): number {
	const insert = db.prepare(
		`INSERT INTO quiz_results (learner_id, quiz_id, score, max_score, completed_at, imported_at, source)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (learner_id, quiz_id, completed_at) DO NOTHING`,
	);
	let added = 0;
	for (const score of scores) {
		added += Number(
			insert.run(learnerRowId, score.quizId, score.score, score.maxScore, score.completedAt, now, source).changes,
		);
	}
	return added;
}
