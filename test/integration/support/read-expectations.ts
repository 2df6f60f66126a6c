import { expect } from 'vitest';
import type { ReadOutcome } from '../../../graders/engine/types.ts';

/**
 * What the integration tier expects of one collector's read against moto, given what the test
 * seeded (`S`). Every collector a lab registers needs one (see collector-coverage.test.ts), so a new
 * collector cannot join a lab without its requests going through a real service model.
 */
export type ReadExpectation<S> =
	/** moto implements the operations: the read is data, and `check` finds the seeded resources in it. */
	| { moto: 'implemented'; check: (data: unknown, seed: S) => void }
	/**
	 * moto does not implement `operation` (verified against the installed moto 5.x): the grader must
	 * record an error naming it, never data. `perResource` when the collector fans out and keeps each
	 * resource's failure inside its data (so the read itself succeeds).
	 */
	| { moto: 'not-implemented'; operation: string; perResource?: boolean; check?: (data: unknown, seed: S) => void };

export type LabReadExpectations<S> = Readonly<Record<string, ReadExpectation<S>>>;

/** The JSON text of a read's data: enough to find a seeded id without depending on the data's shape. */
export const jsonOf = (data: unknown): string => JSON.stringify(data);

/** The data of a per-resource read's entry, asserting it was read. */
export function resourceData(data: unknown, key: string): unknown {
	const outcome = (data as Record<string, ReadOutcome<unknown>>)[key];
	expect(outcome, `no entry for ${key} in ${jsonOf(data).slice(0, 300)}`).toBeDefined();
	expect(outcome?.ok, `${key} was not read: ${jsonOf(outcome)}`).toBe(true);
	return (outcome as { data: unknown }).data;
}

/** Whether an error names the operation moto lacks and says it could not be read, without a stack trace. */
function expectClearError(error: { action?: string; message: string }, operation: string): void {
	expect(error.action ?? error.message).toContain(operation);
	expect(error.message).not.toMatch(/\n\s+at /);
}

/** Asserts one collector's outcome against its expectation. */
export function assertRead<S>(
	collectorId: string,
	outcome: ReadOutcome<unknown> | undefined,
	expectation: ReadExpectation<S>,
	seed: S,
): void {
	expect(outcome, `${collectorId} was not collected`).toBeDefined();
	const read = outcome as ReadOutcome<unknown>;
	if (expectation.moto === 'implemented') {
		expect(read.ok, `${collectorId} failed against moto: ${read.ok ? '' : read.error.message}`).toBe(true);
		if (read.ok) expectation.check(read.data, seed);
		return;
	}
	if (!expectation.perResource) {
		expect(read.ok, `${collectorId} should be an error (moto lacks ${expectation.operation})`).toBe(false);
		if (!read.ok) expectClearError(read.error, expectation.operation);
		return;
	}
	expect(read.ok, `${collectorId} failed as a whole: ${read.ok ? '' : read.error.message}`).toBe(true);
	if (!read.ok) return;
	const failures = Object.values(jsonPerResource(read.data)).filter((entry) => !entry.ok);
	expect(failures.length, `${collectorId}: no resource recorded ${expectation.operation} as an error`).toBeGreaterThan(
		0,
	);
	for (const failure of failures) if (!failure.ok) expectClearError(failure.error, expectation.operation);
	expectation.check?.(read.data, seed);
}

/**
 * Every per-resource outcome inside a read's data, however deep the collector keeps it (a fan-out at
 * the top, under `byPattern`, or a nested `simulation` inside each role's data).
 */
function jsonPerResource(data: unknown): Record<string, ReadOutcome<unknown>> {
	const found: Record<string, ReadOutcome<unknown>> = {};
	const visit = (value: unknown, path: string, depth: number) => {
		if (typeof value !== 'object' || value === null || depth > 6) return;
		if ('ok' in value && typeof value.ok === 'boolean') found[path] = value as ReadOutcome<unknown>;
		for (const [key, entry] of Object.entries(value)) visit(entry, `${path}/${key}`, depth + 1);
	};
	visit(data, '', 0);
	return found;
}
