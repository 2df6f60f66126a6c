import type { StoredProgress } from '../schemas/progress.ts';

/**
 * The course as a list of steps in agenda order (read a module, take its quiz, do its lab, …, take the
 * end-of-day quiz), so "My progress" can show how far each day is.
 * Built at build time from the progress outline; judged here against the stored progress.
 */
export interface CourseStep {
	day: number;
	kind: 'read' | 'quiz' | 'lab';
	/** Page id, quiz id or lab id, as in the progress store. */
	id: string;
	/** What to do, as the link text: "Read 4. Service level objectives". */
	label: string;
	href?: string;
}

/** A lab is done when the learner marked it or the grader passed it. */
export function isLabDone(progress: StoredProgress, labId: string): boolean {
	const lab = progress.labs[labId];
	return lab !== undefined && (lab.doneAt !== undefined || lab.grader?.outcome === 'pass');
}

export function isStepDone(step: CourseStep, progress: StoredProgress): boolean {
	if (step.kind === 'read') return step.id in progress.pages;
	if (step.kind === 'quiz') return step.id in progress.quizzes;
	return isLabDone(progress, step.id);
}

export interface DayCompletion {
	day: number;
	done: number;
	total: number;
}

export function dayCompletion(steps: readonly CourseStep[], progress: StoredProgress): DayCompletion[] {
	const days = new Map<number, DayCompletion>();
	for (const step of steps) {
		const day = days.get(step.day) ?? { day: step.day, done: 0, total: 0 };
		day.total += 1;
		if (isStepDone(step, progress)) day.done += 1;
		days.set(step.day, day);
	}
	return [...days.values()];
}
