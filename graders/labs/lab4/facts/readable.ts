import { requireOutcome } from '../../../engine/snapshot-view.ts';
import type { PerResource } from '../../../engine/types.ts';

/**
 * The items of a per-resource read that could be read, for finding a pass: one unreadable rule, rule
 * result or OpsItem must not hide another that passes. `requireAll` is for the way to a fail: it
 * throws for the first item that could not be read, so the check reports could-not-grade naming the
 * missing permission instead of failing on what it could not see.
 */
export function readableItems<T>(items: PerResource<T>): { readable: T[]; requireAll(): void } {
	const outcomes = Object.values(items);
	return {
		readable: outcomes.flatMap((outcome) => (outcome.ok ? [outcome.data] : [])),
		requireAll() {
			for (const outcome of outcomes) requireOutcome(outcome);
		},
	};
}
