import type { LabResult } from '../engine/types.ts';

/** The result document as JSON: the contract other tools (gradebooks, LMS exports) read. */
export function formatJson(result: LabResult): string {
	return `${JSON.stringify(result, null, 2)}\n`;
}
