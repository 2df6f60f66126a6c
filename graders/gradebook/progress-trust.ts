import type { ProgressExport } from '../../src/schemas/progress.ts';
import type { CourseQuiz } from './course-quizzes.ts';

/**
 * What a progress file may claim before its quiz scores count. The schema checks the shape; these
 * checks hold it to the course: a learner's file must not be able to add quiz columns everyone is
 * then measured against (a missing quiz counts 0 %), claim more points than a quiz has questions, or
 * date a quiz in the future or before the course existed.
 */

/** Larger than any real export (about 20 KB for the whole course); refused before it is parsed. */
export const maxProgressFileBytes = 1024 * 1024;

/** How far ahead of this machine's clock the learner's clock may be. */
export const clockSkewMs = 10 * 60 * 1000;

/** No progress file can be older than the course's progress format (version 1, November 2026). */
export const courseStartedAt = '2026-11-01T00:00:00.000Z';

export interface TrustContext {
	quizzes: readonly CourseQuiz[];
	now: Date;
}

/** Every reason not to trust the file, each as `field: reason`; empty when it can be imported. */
export function progressTrustProblems(exported: ProgressExport, context: TrustContext): string[] {
	const problems: string[] = [];
	const latest = context.now.getTime() + clockSkewMs;
	const checkDate = (field: string, value: string, notAfter?: { time: number; what: string }) => {
		const time = Date.parse(value);
		if (time > latest)
			problems.push(`${field}: ${value} is in the future (this machine's clock says ${context.now.toISOString()})`);
		else if (time < Date.parse(courseStartedAt))
			problems.push(`${field}: ${value} is before the course existed (${courseStartedAt.slice(0, 10)})`);
		else if (notAfter && time > notAfter.time + clockSkewMs)
			problems.push(`${field}: ${value} is after ${notAfter.what}`);
	};
	checkDate('exportedAt', exported.exportedAt);
	const exportedAt = { time: Date.parse(exported.exportedAt), what: `the file was exported (${exported.exportedAt})` };
	const known = new Map(context.quizzes.map((quiz) => [quiz.id, quiz.questions]));
	for (const [quizId, quiz] of Object.entries(exported.quizzes)) {
		const field = `quizzes.${quizId}`;
		const questions = known.get(quizId);
		if (questions === undefined) {
			problems.push(`${field}: not a quiz of this course (its quizzes are ${describeIds(context.quizzes)})`);
			continue;
		}
		if (quiz.maxScore > questions)
			problems.push(`${field}.maxScore: ${quiz.maxScore} is more than the ${questions} questions of ${quizId}`);
		// score ≤ maxScore is the schema's rule already (ProgressExportSchema).
		checkDate(`${field}.completedAt`, quiz.completedAt, exportedAt);
	}
	return problems;
}

function describeIds(quizzes: readonly CourseQuiz[]): string {
	const modules = quizzes.filter((quiz) => quiz.id.startsWith('module-')).map((quiz) => quiz.id);
	const days = quizzes.filter((quiz) => !quiz.id.startsWith('module-')).map((quiz) => quiz.id);
	const range = (ids: string[]) => (ids.length > 2 ? `${ids[0]} … ${ids.at(-1)}` : ids.join(', '));
	return [range(modules), range(days)].filter(Boolean).join(' and ');
}
