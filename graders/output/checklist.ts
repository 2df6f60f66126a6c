import picocolors from 'picocolors';
import type { CheckResult, CheckStatus, LabResult } from '../engine/types.ts';

/** Symbols that survive any terminal and screen reader, each paired with a word for colour-blind readers. */
export const statusSymbols: Record<CheckStatus, string> = { pass: '✓', fail: '✗', error: '!', skipped: '–' };

export interface ChecklistOptions {
	/** Colour only on a TTY: piped output and CI logs stay plain text. */
	color: boolean;
}

function nextStep(result: LabResult): string {
	if (result.outcome === 'pass') return 'All checks pass. Remember to clean up the lab resources to stop the charges.';
	if (result.outcome === 'error') {
		return 'Some checks could not be graded (marked !). Fix what their messages say and run the check again; errors never count against you.';
	}
	const first = result.checks.find((check) => check.status === 'fail');
	return first
		? `Next: step ${first.step}, "${first.title}". ${first.hint ?? ''}`.trim()
		: 'Finish the skipped steps and run the check again.';
}

/** The learner's report: one line per check with what was found, the hint when it failed, and the score. */
export function formatChecklist(result: LabResult, options: ChecklistOptions): string {
	const c = picocolors.createColors(options.color);
	const paint: Record<CheckStatus, (text: string) => string> = {
		pass: c.green,
		fail: c.red,
		error: c.yellow,
		skipped: c.dim,
	};
	const lines = [
		c.bold(`${result.title}`),
		c.dim(`account ${result.accountId ?? 'unknown'} · ${result.region} · collected ${result.collectedAt}`),
		'',
	];
	const line = (check: CheckResult) => {
		const head = `${paint[check.status](statusSymbols[check.status])} ${c.bold(`Step ${check.step}`)} ${check.title} ${c.dim(`(${check.earned}/${check.points})`)}`;
		const body = [`    ${check.message}`];
		if (check.hint && check.status === 'fail') body.push(`    ${c.cyan('Hint:')} ${check.hint}`);
		return [head, ...body];
	};
	for (const check of result.checks) lines.push(...line(check));
	const counts = (['pass', 'fail', 'error', 'skipped'] as const)
		.map(
			(status) =>
				`${result.checks.filter((check) => check.status === status).length} ${status === 'pass' ? 'passed' : status === 'fail' ? 'failed' : status === 'error' ? 'could not be graded' : 'skipped'}`,
		)
		.join(', ');
	lines.push('', `${c.bold('Score')} ${result.score}/${result.maxScore} · ${counts}`, nextStep(result), '');
	return lines.join('\n');
}
