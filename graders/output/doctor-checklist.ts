import picocolors from 'picocolors';
import type { DoctorReport, Finding, FindingStatus } from '../doctor/finding.ts';
import type { ChecklistOptions } from './checklist.ts';
import { statusSymbols } from './checklist.ts';

/** The same symbols as `check`; a warning shares `!` with "could not check" and says which it is. */
const symbols: Record<FindingStatus, string> = { ...statusSymbols, warn: '!' };
const labels: Partial<Record<FindingStatus, string>> = { warn: 'warning', error: 'could not check' };

function summary(findings: readonly Finding[]): string {
	const count = (status: FindingStatus) => findings.filter((finding) => finding.status === status).length;
	return [
		`${count('pass')} ok`,
		`${count('warn')} warning${count('warn') === 1 ? '' : 's'}`,
		`${count('fail')} to fix`,
		`${count('error')} could not be checked`,
		`${count('skipped')} skipped`,
	].join(', ');
}

function nextStep(report: DoctorReport): string {
	if (report.outcome === 'fail') return 'Fix the ✗ lines, then run doctor again.';
	if (report.outcome === 'error') {
		return 'Some things could not be checked (marked ! and "could not check"): their messages say why. They are not failures.';
	}
	return report.findings.some((finding) => finding.status === 'warn')
		? 'Ready for Lab 1; read the warnings first.'
		: 'Ready for Lab 1.';
}

/** The learner's preflight report: one line per finding, what was found, and the fix when there is one. */
export function formatDoctorChecklist(report: DoctorReport, options: ChecklistOptions): string {
	const c = picocolors.createColors(options.color);
	const paint: Record<FindingStatus, (text: string) => string> = {
		pass: c.green,
		warn: c.yellow,
		fail: c.red,
		error: c.yellow,
		skipped: c.dim,
	};
	const lines = [
		c.bold('sre-lab doctor: is this account ready for the labs?'),
		c.dim(`account ${report.accountId ?? 'unknown'} · ${report.region ?? 'no Region'} · checked ${report.checkedAt}`),
		'',
	];
	for (const finding of report.findings) {
		const label = labels[finding.status];
		lines.push(
			`${paint[finding.status](symbols[finding.status])} ${c.bold(finding.title)}${label ? c.dim(` (${label})`) : ''}`,
		);
		lines.push(`    ${finding.message}`);
		if (finding.fix && (finding.status === 'fail' || finding.status === 'warn')) {
			lines.push(`    ${c.cyan('Fix:')} ${finding.fix}`);
		}
	}
	lines.push('', summary(report.findings), nextStep(report), '');
	return lines.join('\n');
}
