import type { LabOutcome } from '../engine/types.ts';

/** Documented in `sre-lab --help` and docs/graders.md; CI pipelines and scripts depend on them. */
export const exitCodes = {
	allPass: 0,
	someFail: 1,
	couldNotGrade: 2,
	usage: 64,
} as const;

export function exitCodeFor(outcome: LabOutcome): number {
	return outcome === 'pass' ? exitCodes.allPass : outcome === 'fail' ? exitCodes.someFail : exitCodes.couldNotGrade;
}
