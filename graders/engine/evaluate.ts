import { getLab } from '../labs/index.ts';
import type { ManifestCheck } from '../manifest/manifest-schema.ts';
import type { LabDefinition } from './define-lab.ts';
import { ReadFailed } from './errors.ts';
import { type FailedReadWatch, watchFailedReads } from './failed-read-watch.ts';
import { createSnapshotView } from './snapshot-view.ts';
import type { CheckResult, CheckVerdict, LabOutcome, LabResult, ReadError, Snapshot, SnapshotView } from './types.ts';

export interface EvaluateOptions {
	now?: () => Date;
}

/**
 * The prerequisite a learner should finish first: following skipped prerequisites down to the ones
 * that actually failed or errored, the one on the earliest step.
 */
function blockingCheck(
	check: ManifestCheck,
	results: ReadonlyMap<string, CheckResult>,
	manifest: Map<string, ManifestCheck>,
): ManifestCheck {
	let best: ManifestCheck | undefined;
	const visit = (current: ManifestCheck) => {
		for (const id of current.dependsOn) {
			const result = results.get(id);
			const prerequisite = manifest.get(id);
			if (!result || !prerequisite || result.status === 'pass') continue;
			if (result.status === 'skipped') visit(prerequisite);
			else if (!best || prerequisite.step < best.step) best = prerequisite;
		}
	};
	visit(check);
	return best ?? (manifest.get(check.dependsOn[0] ?? '') as ManifestCheck);
}

/** The reads a lab's checks use that a snapshot does not hold (it was collected by an older sre-lab). */
export function readsMissingFrom(snapshot: Snapshot, lab: LabDefinition): string[] {
	const reads = new Set([...lab.checks.values()].flatMap((check) => check.reads));
	return [...reads].filter((id) => !(id in snapshot.reads));
}

function outdatedSnapshotMessage(missing: readonly string[]): string {
	const names = missing.map((id) => `"${id}"`).join(', ');
	return (
		`The snapshot has no ${names} read${missing.length === 1 ? '' : 's'}: it was collected by an older sre-lab. ` +
		'Collect it again (`sre-lab check`, or `sre-lab grade` for a cohort); this is not counted against the learner.'
	);
}

/**
 * The verdict on a check whose `fail` looked at reads that failed: `error`, naming them. What the check
 * found missing may be in what could not be read (the dashboard that could not be fetched, the log
 * group whose streams were denied), so the learner is not failed on it.
 */
function failedReadsVerdict(looked: readonly ReadError[], verdict: CheckVerdict) {
	const advice = [...new Set(looked.map((error) => error.message))];
	const shown = advice.slice(0, 2).join(' ');
	const more =
		advice.length > 2 ? ` (${advice.length - 2} more read${advice.length === 3 ? '' : 's'} failed as well.)` : '';
	return {
		status: 'error' as const,
		earned: 0,
		message: `${shown}${more} Until ${advice.length === 1 ? 'it can' : 'they can'} be read this check cannot be graded, and it is not counted against the learner. From what could be read: ${verdict.message}`,
		evidence: verdict.evidence ?? [],
	};
}

function runCheck(
	lab: LabDefinition,
	check: ManifestCheck,
	snapshot: Snapshot,
	watched: FailedReadWatch,
	view: SnapshotView,
): Omit<CheckResult, 'id' | 'title' | 'step' | 'points' | 'hint'> {
	const implementation = lab.checks.get(check.id);
	if (!implementation) throw new Error(`lab ${lab.id}: no implementation for ${check.id}`);
	// A snapshot saved by an older sre-lab may lack reads added since. Some checks treat a read as a
	// second, optional way to pass, so without it they would quietly fail the learner: a check short of
	// a read either still passes (the read could only have added evidence) or cannot be graded.
	const missing = implementation.reads.filter((id) => !(id in snapshot.reads));
	const outdated = () => ({
		status: 'error' as const,
		earned: 0,
		message: outdatedSnapshotMessage(missing),
		evidence: [],
	});
	const { unsettled, result } = watched.watch(() => implementation.evaluate(view));
	if ('value' in result) {
		const verdict = result.value;
		if (missing.length > 0 && verdict.status !== 'pass') return outdated();
		// A verdict rests only on reads that succeeded: a fail that looked at a failed read is not known.
		if (verdict.status === 'fail' && unsettled.length > 0) return failedReadsVerdict(unsettled, verdict);
		return {
			status: verdict.status,
			earned: verdict.status === 'pass' ? check.points : 0,
			message: verdict.message,
			evidence: verdict.evidence ?? [],
		};
	}
	const error = result.thrown;
	if (missing.length > 0) return outdated();
	if (error instanceof ReadFailed) {
		return { status: 'error', earned: 0, message: error.readError.message, evidence: [] };
	}
	// A check that throws on odd data must not take the whole report down with it.
	return {
		status: 'error',
		earned: 0,
		message: `The grader could not evaluate this check: ${(error as Error).message}`,
		evidence: [],
	};
}

function outcomeOf(checks: readonly CheckResult[]): LabOutcome {
	if (checks.some((check) => check.status === 'error')) return 'error';
	return checks.every((check) => check.status === 'pass') ? 'pass' : 'fail';
}

/** Grades a lab from a snapshot alone. Pure apart from the clock for `gradedAt`. */
export function evaluateLabDefinition(
	lab: LabDefinition,
	snapshot: Snapshot,
	options: EvaluateOptions = {},
): LabResult {
	// Checks see a copy in which failed reads note who looks at them (see failed-read-watch.ts).
	const watched = watchFailedReads(snapshot);
	const view = createSnapshotView(watched.snapshot, watched.setAside);
	const manifest = new Map(lab.manifest.checks.map((check) => [check.id, check]));
	const results = new Map<string, CheckResult>();

	// The manifest schema rules out cycles, so this recursion always ends.
	const evaluateCheck = (check: ManifestCheck): CheckResult => {
		const done = results.get(check.id);
		if (done) return done;
		const prerequisites = check.dependsOn.map((id) => evaluateCheck(manifest.get(id) as ManifestCheck));
		const base = { id: check.id, title: check.title, step: check.step, points: check.points, hint: check.hint };
		let result: CheckResult;
		if (prerequisites.every((prerequisite) => prerequisite.status === 'pass')) {
			result = { ...base, ...runCheck(lab, check, snapshot, watched, view) };
			if (result.status === 'pass') delete result.hint;
		} else {
			const blocker = blockingCheck(check, results, manifest);
			result = {
				...base,
				status: 'skipped',
				earned: 0,
				message:
					results.get(blocker.id)?.status === 'error'
						? `Not graded: step ${blocker.step} ("${blocker.title}") could not be graded, and this check builds on it.`
						: `Complete step ${blocker.step} first ("${blocker.title}" has not passed).`,
				evidence: [],
			};
			delete result.hint;
		}
		results.set(check.id, result);
		return result;
	};

	const checks = lab.manifest.checks.map(evaluateCheck);
	return {
		format: 'sre-lab-result',
		version: 1,
		lab: lab.id,
		title: lab.manifest.title,
		accountId: snapshot.accountId,
		region: snapshot.region,
		gradedAt: (options.now?.() ?? new Date()).toISOString(),
		collectedAt: snapshot.collectedAt,
		score: checks.reduce((sum, check) => sum + check.earned, 0),
		maxScore: checks.reduce((sum, check) => sum + check.points, 0),
		outcome: outcomeOf(checks),
		checks,
	};
}

/** Grades a registered lab (see graders/labs/index.ts) from a snapshot. */
export function evaluateLab(labId: string, snapshot: Snapshot, options: EvaluateOptions = {}): LabResult {
	return evaluateLabDefinition(getLab(labId), snapshot, options);
}
