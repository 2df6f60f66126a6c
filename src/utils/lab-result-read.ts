import { type LabResultDocument, LabResultSchema } from '../schemas/lab-result.ts';

/**
 * Reads what a learner gives a lab page as their grader result (a file or pasted text) and says, in
 * words they can act on, why it cannot be shown: not JSON, not a grader result, another lab's result,
 * or a damaged field. Pure, so the rules are unit-tested; the page loads it (and zod) only when used.
 */

export type ReadLabResult =
	| { ok: true; result: LabResultDocument; unknownCheckIds: string[] }
	| { ok: false; reason: string };

/** A paste from a terminal may carry the command line or a prompt around the JSON; keep the object. */
function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		const start = text.indexOf('{');
		const end = text.lastIndexOf('}');
		if (start === -1 || end <= start) throw new Error('no JSON object');
		return JSON.parse(text.slice(start, end + 1));
	}
}

export function readLabResult(text: string, labId: string, knownCheckIds: readonly string[]): ReadLabResult {
	const command = `sre-lab check ${labId} --json > ${labId}-result.json`;
	if (text.trim() === '') return { ok: false, reason: `Nothing to read. Run ${command} and give this page the file.` };
	let value: unknown;
	try {
		value = parseJson(text);
	} catch {
		return { ok: false, reason: `This is not JSON. Run ${command} and give this page that file.` };
	}
	const format = (value as { format?: unknown } | null)?.format;
	if (format !== 'sre-lab-result') {
		return {
			ok: false,
			reason: `This is not a grader result (its "format" is not "sre-lab-result"). Run ${command} and give this page that file.`,
		};
	}
	const lab = (value as { lab?: unknown }).lab;
	if (typeof lab === 'string' && lab !== labId) {
		return {
			ok: false,
			reason: `This result is for ${lab}, not ${labId}. Open the ${lab} page to see it there, or run ${command}.`,
		};
	}
	const parsed = LabResultSchema.safeParse(value);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const where = issue?.path.length ? ` at "${issue.path.join('.')}"` : '';
		return {
			ok: false,
			reason: `This grader result is damaged${where}: ${issue?.message ?? 'invalid'}. Run ${command} again and use the new file.`,
		};
	}
	const result = parsed.data;
	const earned = result.checks.reduce((sum, check) => sum + check.earned, 0);
	if (result.score > result.maxScore || earned !== result.score) {
		return {
			ok: false,
			reason: `This grader result does not add up (score ${result.score} of ${result.maxScore}, checks earn ${earned}). Run ${command} again.`,
		};
	}
	const known = new Set(knownCheckIds);
	return { ok: true, result, unknownCheckIds: result.checks.filter((check) => !known.has(check.id)).map((c) => c.id) };
}
