import type { CheckStruggle, CompletionData, LearnerRecordForReport } from '../gradebook/completion-data.ts';
import type { CouldNotGradeEntry } from '../gradebook/could-not-grade.ts';
import { type CompletionRule, describeCompletionRule, evaluateCompletion, roundPercent } from './completion-rule.ts';

export type LabCellStatus = 'pass' | 'fail' | 'error' | 'not-attempted';

export interface LabCell {
	/** `pass` once the lab has ever passed; otherwise the latest attempt's outcome. */
	status: LabCellStatus;
	bestScore: number | null;
	maxScore: number | null;
	firstPassedAt: string | null;
	lastAttemptAt: string | null;
	attempts: number;
}

export interface QuizCell {
	percent: number | null;
	score: number | null;
	maxScore: number | null;
	completedAt: string | null;
}

export interface MatrixRow {
	cohort: string;
	learnerId: string;
	name: string;
	email: string;
	accountId: string;
	labs: Record<string, LabCell>;
	quizzes: Record<string, QuizCell>;
	quizAveragePercent: number | null;
	complete: boolean;
	missing: string[];
	/** When the learner last got further: a lab's best score reached, or a quiz taken; null if never. */
	lastProgressAt: string | null;
	/** Incomplete, and no progress for the report's atRiskDays (or none ever). */
	atRisk: boolean;
}

export interface LabCompletion {
	lab: string;
	title: string;
	passed: number;
	attempted: number;
	learners: number;
}

export interface CompletionMatrix {
	format: 'sre-completion-report';
	version: 1;
	generatedAt: string;
	cohort: string | null;
	rule: CompletionRule;
	ruleText: string;
	labs: { id: string; title: string }[];
	quizzes: string[];
	rows: MatrixRow[];
	labCompletion: LabCompletion[];
	checkStruggles: CheckStruggle[];
	completeCount: number;
	/** Share of learners complete, 0-100 (0 for an empty cohort). */
	completionPercent: number;
	/** Mean of the learners' quiz averages, over learners who have one; null when none has. */
	averageQuizPercent: number | null;
	atRiskDays: number;
	atRiskCount: number;
	couldNotGrade: CouldNotGradeEntry[];
}

export const defaultAtRiskDays = 7;

export interface MatrixOptions {
	rule: CompletionRule;
	cohort: string | null;
	generatedAt: string;
	/** Labs of the course in course order (the registry), shown even when nobody attempted them yet. */
	knownLabs?: readonly { id: string; title: string }[];
	/** Quiz ids of the course, shown even when nobody took them yet. */
	knownQuizzes?: readonly string[];
	/**
	 * The only quiz ids that may become columns, in course order (the quiz banks). Results for any
	 * other id — stored before import-progress checked ids against the course — are left out, so they
	 * cannot add a column every learner is measured against.
	 */
	courseQuizzes?: readonly string[];
	/** An incomplete learner with no progress for this many days is "at risk" (default 7). */
	atRiskDays?: number;
}

const notAttempted: LabCell = {
	status: 'not-attempted',
	bestScore: null,
	maxScore: null,
	firstPassedAt: null,
	lastAttemptAt: null,
	attempts: 0,
};

function percent(score: number, maxScore: number): number {
	return maxScore > 0 ? roundPercent((score / maxScore) * 100) : 0;
}

function labCell(learner: LearnerRecordForReport, lab: string): LabCell {
	const standing = learner.labs[lab];
	if (!standing) return notAttempted;
	return {
		status: standing.firstPassedAt !== null ? 'pass' : standing.latest.outcome,
		bestScore: standing.best.score,
		maxScore: standing.best.maxScore,
		firstPassedAt: standing.firstPassedAt,
		lastAttemptAt: standing.latest.observedAt,
		attempts: standing.attempts,
	};
}

/** The learner's latest step forward: a lab's best score first reached (above 0), or a quiz taken. */
function lastProgressOf(learner: LearnerRecordForReport): string | null {
	const times = [
		...Object.values(learner.labs)
			.filter((standing) => standing.best.score > 0)
			.map((standing) => standing.best.observedAt),
		...Object.values(learner.quizzes).map((quiz) => quiz.completedAt),
	];
	// ISO timestamps in UTC sort as text.
	return times.sort().at(-1) ?? null;
}

const dayMs = 24 * 60 * 60 * 1000;

function orderedUnion(first: readonly string[], rest: Iterable<string>): string[] {
	const extra = [...new Set(rest)].filter((id) => !first.includes(id)).sort();
	return [...first, ...extra];
}

/** Learners × (labs, quizzes), with each learner's completion under the rule: what every report shows. */
export function buildCompletionMatrix(data: CompletionData, options: MatrixOptions): CompletionMatrix {
	const { rule } = options;
	const atRiskDays = options.atRiskDays ?? defaultAtRiskDays;
	const atRiskBefore = Date.parse(options.generatedAt) - atRiskDays * dayMs;
	const knownLabs = options.knownLabs ?? [];
	const titles = new Map<string, string>([
		...Object.entries(data.labTitles),
		...knownLabs.map((lab) => [lab.id, lab.title] as const),
	]);
	const labIds = orderedUnion(
		knownLabs.map((lab) => lab.id),
		[...data.learners.flatMap((learner) => Object.keys(learner.labs)), ...(rule.labs === 'all' ? [] : rule.labs)],
	);
	const allQuizzes = orderedUnion(
		[...(options.knownQuizzes ?? [])],
		[
			...data.learners.flatMap((learner) => Object.keys(learner.quizzes)),
			...(rule.quizzes === 'all' ? [] : rule.quizzes),
		],
	);
	const courseQuizzes = options.courseQuizzes;
	const quizzes = courseQuizzes ? courseQuizzes.filter((id) => allQuizzes.includes(id)) : allQuizzes;

	const rows = data.learners.map((learner): MatrixRow => {
		const labs = Object.fromEntries(labIds.map((lab) => [lab, labCell(learner, lab)]));
		const quizCells: Record<string, QuizCell> = {};
		const quizPercents: Record<string, number> = {};
		for (const quiz of quizzes) {
			const taken = learner.quizzes[quiz];
			if (taken) quizPercents[quiz] = percent(taken.score, taken.maxScore);
			quizCells[quiz] = taken
				? {
						percent: quizPercents[quiz] ?? null,
						score: taken.score,
						maxScore: taken.maxScore,
						completedAt: taken.completedAt,
					}
				: { percent: null, score: null, maxScore: null, completedAt: null };
		}
		const passedLabs = new Set(labIds.filter((lab) => labs[lab]?.status === 'pass'));
		const verdict = evaluateCompletion({ passedLabs, quizPercents }, rule, { labs: labIds, quizzes });
		const lastProgressAt = lastProgressOf(learner);
		return {
			cohort: learner.cohort,
			learnerId: learner.learnerId,
			name: learner.name,
			email: learner.email,
			accountId: learner.accountId,
			labs,
			quizzes: quizCells,
			quizAveragePercent: verdict.quizAveragePercent,
			complete: verdict.complete,
			missing: verdict.missing,
			lastProgressAt,
			atRisk: !verdict.complete && (lastProgressAt === null || Date.parse(lastProgressAt) < atRiskBefore),
		};
	});
	const quizAverages = rows.flatMap((row) => (row.quizAveragePercent === null ? [] : [row.quizAveragePercent]));
	const completeCount = rows.filter((row) => row.complete).length;

	return {
		format: 'sre-completion-report',
		version: 1,
		generatedAt: options.generatedAt,
		cohort: options.cohort,
		rule,
		ruleText: describeCompletionRule(rule),
		labs: labIds.map((id) => ({ id, title: titles.get(id) ?? id })),
		quizzes,
		rows,
		labCompletion: labIds.map((lab) => ({
			lab,
			title: titles.get(lab) ?? lab,
			passed: rows.filter((row) => row.labs[lab]?.status === 'pass').length,
			attempted: rows.filter((row) => row.labs[lab]?.status !== 'not-attempted').length,
			learners: rows.length,
		})),
		checkStruggles: data.checkStruggles,
		completeCount,
		completionPercent: rows.length === 0 ? 0 : roundPercent((completeCount / rows.length) * 100),
		averageQuizPercent:
			quizAverages.length === 0
				? null
				: roundPercent(quizAverages.reduce((sum, value) => sum + value, 0) / quizAverages.length),
		atRiskDays,
		atRiskCount: rows.filter((row) => row.atRisk).length,
		couldNotGrade: data.couldNotGrade ?? [],
	};
}
