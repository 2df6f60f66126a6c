import type { CallCount } from '../engine/call-counter.ts';

/** `--verbose`: what the run cost in API calls, and where the SDK had to retry. */
export function formatCallSummary(counts: readonly CallCount[]): string {
	const calls = counts.reduce((sum, count) => sum + count.calls, 0);
	const attempts = counts.reduce((sum, count) => sum + count.attempts, 0);
	const width = Math.max(10, ...counts.map((count) => `${count.service}:${count.operation}`.length));
	const rows = counts.map((count) => {
		const retries = Math.max(0, count.attempts - count.calls);
		return `  ${`${count.service}:${count.operation}`.padEnd(width)}  ${String(count.calls).padStart(4)} call(s)  ${String(retries).padStart(3)} retr${retries === 1 ? 'y' : 'ies'}${count.failures ? `  ${count.failures} failed` : ''}`;
	});
	return [`API calls: ${calls} (${Math.max(0, attempts - calls)} retries)`, ...rows, ''].join('\n');
}
