/**
 * "Continue where you left off": the step after the furthest one the learner has finished on the
 * course path (src/utils/course-sidebar.ts). Only steps the progress store can know about count as
 * finished — a module marked as read, a lab marked done or passed by the grader, a day quiz
 * submitted — so overviews are passed over, and a learner who skipped a page is still sent onwards
 * from where they actually are, not back to the gap.
 */
import type { DayGroup } from './course-sidebar.ts';

export type PathStepKind = 'overview' | 'module' | 'lab' | 'quiz' | 'finished';

export interface PathStep {
	slug: string;
	label: string;
	kind: PathStepKind;
}

export function stepKind(slug: string): PathStepKind {
	if (/^labs\/lab\d+$/.test(slug)) return 'lab';
	if (/^quizzes\/day-\d+$/.test(slug)) return 'quiz';
	if (/^day-\d+$/.test(slug)) return 'overview';
	if (slug === 'finished') return 'finished';
	return 'module';
}

export function pathSteps(groups: readonly DayGroup[]): PathStep[] {
	return groups.flatMap((group) => group.items.map((item) => ({ ...item, kind: stepKind(item.slug) })));
}

/**
 * The parts of the stored progress (src/schemas/progress.ts) the path reads, typed loosely enough to
 * accept both a lab entry with only the learner's mark and one with the grader's result.
 */
export interface ProgressSections {
	pages: Record<string, unknown>;
	quizzes: Record<string, unknown>;
	labs: Record<string, { doneAt?: string; grader?: { outcome: string } }>;
}

export function isStepDone(step: PathStep, progress: ProgressSections): boolean {
	switch (step.kind) {
		case 'module':
			return progress.pages[step.slug] !== undefined;
		case 'lab': {
			const lab = progress.labs[step.slug.slice('labs/'.length)];
			return lab !== undefined && (lab.doneAt !== undefined || lab.grader?.outcome === 'pass');
		}
		case 'quiz':
			return progress.quizzes[step.slug.slice('quizzes/'.length)] !== undefined;
		default:
			return false;
	}
}

/**
 * Where to continue, or undefined when nothing on the path is finished yet (the page's own
 * "Start" links serve a newcomer better than a guess).
 */
export function continueStep(steps: readonly PathStep[], progress: ProgressSections): PathStep | undefined {
	let lastDone = -1;
	steps.forEach((step, index) => {
		if (isStepDone(step, progress)) lastDone = index;
	});
	if (lastDone < 0) return undefined;
	return steps.slice(lastDone + 1).find((step) => step.kind !== 'overview') ?? steps.at(-1);
}
