import { expect, it } from 'vitest';
import type { LabDefinition } from '../../../graders/engine/define-lab.ts';
import type { LabResult, Snapshot } from '../../../graders/engine/types.ts';
import { assertRead, type LabReadExpectations } from './read-expectations.ts';
import type { CliRun } from './run-cli.ts';

const stackTrace = /\n\s+at [\w.<>]+ \(|\n\s+at file:/;

/** One test per collector the lab registers: each must have an expectation, and meet it. */
export function expectReadsAgainstMoto<S>(
	lab: LabDefinition,
	expectations: LabReadExpectations<S>,
	collected: () => { snapshot: Snapshot; seed: S },
): void {
	it.each(lab.collectors.map((collector) => collector.id))('%s', (id) => {
		const expectation = expectations[id];
		expect(
			expectation,
			`${lab.id} registers collector "${id}" but the integration tier has no expectation for it: add one to test/integration/${lab.id}-reads.ts`,
		).toBeDefined();
		const { snapshot, seed } = collected();
		assertRead(id, snapshot.reads[id], expectation as NonNullable<typeof expectation>, seed);
	});
}

/**
 * The seeded learner did every step, so no check may fail: what moto cannot answer must come back
 * as `error` (or `skipped` behind one), with a one-line message, never as the learner's failure.
 * `emulatorGaps` names the checks that do fail because moto stores something other than AWS would
 * (not an operation it lacks, which the grader cannot tell from an account), each with the reason;
 * they must fail, so the list cannot go stale.
 */
export function expectVerdictsAgainstMoto<S>(
	lab: LabDefinition,
	expectations: LabReadExpectations<S>,
	graded: () => LabResult,
	emulatorGaps: Readonly<Record<string, string>> = {},
): void {
	it('fails no check of a learner who did every step: what moto lacks is an error, not a failure', () => {
		const failed = graded().checks.filter((check) => check.status === 'fail');
		expect(failed.map((check) => check.id).sort()).toEqual(Object.keys(emulatorGaps).sort());
	});

	it('explains every error in one line naming the operation moto lacks among the reads of that check', () => {
		const lackingOperation = (readId: string) => {
			const expectation = expectations[readId];
			return expectation?.moto === 'not-implemented' ? [expectation.operation] : [];
		};
		for (const check of graded().checks.filter((candidate) => candidate.status === 'error')) {
			const reads = lab.checks.get(check.id)?.reads ?? [];
			const operations = reads.flatMap(lackingOperation);
			expect(operations, `${check.id} is an error, yet none of its reads is one moto lacks`).not.toEqual([]);
			expect(
				operations.some((operation) => check.message.includes(operation)),
				`${check.id}: "${check.message}" names none of ${operations.join(', ')}`,
			).toBe(true);
			expect(check.message, check.id).not.toMatch(stackTrace);
			expect(check.message, check.id).not.toContain('\n');
		}
	});
}

/** A CLI run ended as expected, printing no stack trace. */
export function expectCliRun(run: CliRun, code: number): void {
	expect(run.stderr, 'stderr').not.toMatch(stackTrace);
	expect(run.stdout, 'stdout').not.toMatch(stackTrace);
	expect(run.code, `exit code; stderr: ${run.stderr}`).toBe(code);
}
