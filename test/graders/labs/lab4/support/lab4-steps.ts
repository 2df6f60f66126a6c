import { evaluateLabDefinition } from '../../../../../graders/engine/evaluate.ts';
import type { CheckResult, Snapshot } from '../../../../../graders/engine/types.ts';
import { lab4 } from '../../../../../graders/labs/lab4/index.ts';

/** Grades a Lab 4 snapshot at the fixtures' fixed time (graders/labs/lab4/index.ts defines the lab). */
export function gradeLab4(snapshot: Snapshot): CheckResult[] {
	return evaluateLabDefinition(lab4, snapshot, { now: () => new Date('2026-11-22T12:05:00Z') }).checks;
}

export function gradeCheck(snapshot: Snapshot, checkId: string): CheckResult {
	const result = gradeLab4(snapshot).find((check) => check.id === checkId);
	if (!result) throw new Error(`no check ${checkId}`);
	return result;
}
