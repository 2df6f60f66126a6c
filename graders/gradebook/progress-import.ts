import { type ProgressExport, ProgressExportSchema } from '../../src/schemas/progress.ts';
import { findLearnersByEmail, findLearnersById, type LearnerRow } from './cohorts.ts';
import type { GradebookDb } from './open-gradebook.ts';
import type { QuizScore } from './quiz-results.ts';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Validates a file exported from the course site's "My progress" page. */
export function parseProgressExport(text: string): Checked<ProgressExport> {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (error) {
		return { ok: false, reason: `not valid JSON (${(error as Error).message})` };
	}
	if (typeof raw === 'object' && raw !== null && (raw as { format?: unknown }).format !== 'sre-course-progress') {
		return {
			ok: false,
			reason: 'not a progress export from the course site (its "format" is not "sre-course-progress")',
		};
	}
	const parsed = ProgressExportSchema.safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const where = issue?.path.length ? issue.path.join('.') : '(top level)';
		return { ok: false, reason: `invalid progress export at ${where}: ${issue?.message ?? 'invalid'}` };
	}
	return { ok: true, value: parsed.data };
}

export interface LearnerSelection {
	/** --learner: for files that do not say whose they are. */
	learnerId?: string;
	/** --cohort: for learners enrolled in several cohorts. */
	cohort?: string;
}

function describeCandidates(rows: readonly LearnerRow[], cohortNames: ReadonlyMap<number, string>): string {
	return rows.map((row) => cohortNames.get(row.cohortId) ?? String(row.cohortId)).join(', ');
}

/**
 * Finds the gradebook learner a progress file belongs to, refusing anything ambiguous: a file whose
 * id and email point at different people, an id given on the command line that contradicts the
 * file, or a learner who is in several cohorts when no cohort was named.
 */
export function matchProgressLearner(
	db: GradebookDb,
	exported: ProgressExport,
	selection: LearnerSelection,
): Checked<LearnerRow> {
	const fileId = exported.learner?.id;
	const fileEmail = exported.learner?.email;
	if (selection.learnerId && fileId && selection.learnerId !== fileId) {
		return {
			ok: false,
			reason: `the file belongs to learner "${fileId}", not "${selection.learnerId}" as --learner says`,
		};
	}
	const learnerId = fileId ?? selection.learnerId;

	let candidates: LearnerRow[];
	let described: string;
	if (learnerId) {
		candidates = findLearnersById(db, learnerId);
		described = `learner id "${learnerId}"`;
	} else if (fileEmail) {
		candidates = findLearnersByEmail(db, fileEmail);
		described = `email ${fileEmail}`;
	} else {
		return { ok: false, reason: 'the file names no learner (no id or email); pass --learner <id> for it' };
	}

	const cohortNames = new Map(
		(db.prepare('SELECT id, name FROM cohorts').all() as { id: number; name: string }[]).map((row) => [
			row.id,
			row.name,
		]),
	);
	if (selection.cohort) {
		const cohortId = [...cohortNames].find(([, name]) => name === selection.cohort)?.[0];
		if (cohortId === undefined)
			return { ok: false, reason: `there is no cohort "${selection.cohort}" in the gradebook` };
		candidates = candidates.filter((row) => row.cohortId === cohortId);
	}
	if (candidates.length === 0) {
		return {
			ok: false,
			reason: `no learner with ${described}${selection.cohort ? ` in cohort ${selection.cohort}` : ''} in the gradebook (learners are added from the roster by \`sre-lab grade\`, or before any grading by \`sre-lab import-progress --roster\`)`,
		};
	}
	if (candidates.length > 1) {
		return {
			ok: false,
			reason: `${described} is in several cohorts (${describeCandidates(candidates, cohortNames)}); pass --cohort`,
		};
	}
	const learner = candidates[0] as LearnerRow;
	if (fileEmail && learnerId && learner.email.toLowerCase() !== fileEmail.toLowerCase()) {
		return {
			ok: false,
			reason: `learner "${learner.learnerId}" has email ${learner.email} in the roster, but the file says ${fileEmail}; is this the right person's file?`,
		};
	}
	return { ok: true, value: learner };
}

export function quizScoresOf(exported: ProgressExport): QuizScore[] {
	return Object.entries(exported.quizzes).map(([quizId, quiz]) => ({
		quizId,
		score: quiz.score,
		maxScore: quiz.maxScore,
		completedAt: quiz.completedAt,
	}));
}
