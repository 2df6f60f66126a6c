/**
 * The registry of labs. Each lab adds one line to `labs` below; the engine, the CLI, the policy
 * generator and the cohort grader all find labs here.
 */
import type { LabDefinition } from '../engine/define-lab.ts';
import type { Collector } from '../engine/types.ts';
import { lab1 } from './lab1/index.ts';
import { lab2 } from './lab2/index.ts';
import { lab3 } from './lab3/index.ts';
import { lab4 } from './lab4/index.ts';

export const labs: readonly LabDefinition[] = [lab1, lab2, lab3, lab4];

export class UnknownLabError extends Error {
	override name = 'UnknownLabError';
}

export function labIds(): string[] {
	return labs.map((lab) => lab.id);
}

export function getLab(labId: string): LabDefinition {
	const lab = labs.find((candidate) => candidate.id === labId);
	if (!lab) throw new UnknownLabError(`unknown lab "${labId}" (known labs: ${labIds().join(', ')})`);
	return lab;
}

/** The union of the reads of several labs, each collector once: what one account sweep performs. */
export function collectorsForLabs(ids: readonly string[]): Collector[] {
	const union = new Map<string, Collector>();
	for (const id of ids) for (const collector of getLab(id).collectors) union.set(collector.id, collector);
	return [...union.values()];
}
