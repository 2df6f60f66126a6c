/**
 * RFC 4180 fields for spreadsheets, LMS and HR imports. A field is quoted when it holds a quote,
 * comma or line break (quotes doubled). Text starting with = + - @ (or a tab or carriage return) is
 * prefixed with an apostrophe, because spreadsheets would otherwise run it as a formula: a learner's
 * name must never become a command on the instructor's machine (CSV injection).
 */
export function escapeCsvField(value: string | number | boolean | null | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	const neutralised = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(neutralised) ? `"${neutralised.replaceAll('"', '""')}"` : neutralised;
}

/** Rows joined with CRLF, as RFC 4180 asks, ending with a line break. */
export function toCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
	return `${rows.map((row) => row.map(escapeCsvField).join(',')).join('\r\n')}\r\n`;
}
