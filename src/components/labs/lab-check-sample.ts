import type { CheckResult, LabResult } from '../../../graders/engine/types.ts';
import type { LabManifest, ManifestCheck } from '../../../graders/manifest/manifest-schema.ts';

/**
 * A made-up run of a lab's grader, part-way through the lab, built from the manifest so the sample on
 * the lab page always has the lab's real checks, steps, points, hints and skip messages: the first
 * steps pass, the next check fails, and what builds on it is skipped, as the engine would report it.
 */

/** The step a learner is on in the sample: about a third of the way through. */
function sampleFailingStep(manifest: LabManifest): number {
	const steps = [...new Set(manifest.checks.map((check) => check.step))].sort((a, b) => a - b);
	return steps[Math.min(steps.length - 1, Math.max(1, Math.floor(steps.length / 3)))] ?? 1;
}

export function sampleLabResult(manifest: LabManifest): LabResult {
	const failingStep = sampleFailingStep(manifest);
	const byId = new Map(manifest.checks.map((check) => [check.id, check]));
	const results = new Map<string, CheckResult>();
	const evaluate = (check: ManifestCheck): CheckResult => {
		const done = results.get(check.id);
		if (done) return done;
		const prerequisites = check.dependsOn.map((id) => evaluate(byId.get(id) as ManifestCheck));
		const blocker = prerequisites.find((prerequisite) => prerequisite.status !== 'pass');
		const base = { id: check.id, title: check.title, step: check.step, points: check.points, evidence: [] };
		let result: CheckResult;
		if (blocker) {
			result = {
				...base,
				earned: 0,
				status: 'skipped',
				message: `Complete step ${blocker.step} first ("${blocker.title}" has not passed).`,
			};
		} else if (check.step < failingStep) {
			result = { ...base, earned: check.points, status: 'pass', message: 'Found: the resources it names.' };
		} else {
			result = { ...base, earned: 0, status: 'fail', message: 'Not found yet.', hint: check.hint };
		}
		results.set(check.id, result);
		return result;
	};
	const checks = manifest.checks.map(evaluate);
	return {
		format: 'sre-lab-result',
		version: 1,
		lab: manifest.id,
		title: manifest.title,
		accountId: '111122223333',
		region: 'eu-west-1',
		gradedAt: '2026-11-23T10:15:00.000Z',
		collectedAt: '2026-11-23T10:15:00.000Z',
		score: checks.reduce((sum, check) => sum + check.earned, 0),
		maxScore: checks.reduce((sum, check) => sum + check.points, 0),
		outcome: checks.every((check) => check.status === 'pass') ? 'pass' : 'fail',
		checks,
	};
}
