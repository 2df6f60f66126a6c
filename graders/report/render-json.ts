import type { CompletionMatrix } from './completion-matrix.ts';

/** The whole matrix as documented JSON (docs/gradebook.md), full timestamps included. */
export function renderCompletionJson(matrix: CompletionMatrix): string {
	return `${JSON.stringify(matrix, null, '\t')}\n`;
}
