/**
 * A small stand-in for CloudWatch Logs' pattern matcher, enough for the mocked TestMetricFilter in
 * tests: space-delimited patterns (`[ip, ..., status_code=5*, ...]` with =, !=, <, <=, >, >= and `*`
 * wildcards), and term patterns (`"503"`, `ERROR`) that match when every term occurs in the line.
 */
function splitFields(line: string): string[] {
	const fields: string[] = [];
	const pattern = /"([^"]*)"|\[([^\]]*)\]|(\S+)/g;
	for (const match of line.matchAll(pattern)) fields.push(match[1] ?? match[2] ?? match[3] ?? '');
	return fields;
}

function wildcard(value: string, expected: string): boolean {
	const regex = new RegExp(
		`^${expected
			.split('*')
			.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
			.join('.*')}$`,
	);
	return regex.test(value);
}

function fieldMatches(value: string | undefined, condition: string): boolean {
	const match = /^[\w.]+\s*(!=|>=|<=|=|>|<)\s*(.+)$/.exec(condition.trim());
	if (!match) return value !== undefined;
	if (value === undefined) return false;
	const [, operator, expected = ''] = match;
	const number = Number(value);
	switch (operator) {
		case '=':
			return wildcard(value, expected);
		case '!=':
			return !wildcard(value, expected);
		case '>=':
			return number >= Number(expected);
		case '<=':
			return number <= Number(expected);
		case '>':
			return number > Number(expected);
		default:
			return number < Number(expected);
	}
}

export function patternMatches(pattern: string, line: string): boolean {
	const trimmed = pattern.trim();
	if (trimmed === '') return true;
	if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
		const conditions = trimmed
			.slice(1, -1)
			.split(',')
			.map((part) => part.trim());
		const fields = splitFields(line);
		if (conditions.at(-1) === '...')
			return conditions.slice(0, -1).every((condition, index) => fieldMatches(fields[index], condition));
		return (
			fields.length === conditions.length &&
			conditions.every((condition, index) => fieldMatches(fields[index], condition))
		);
	}
	const terms = [...trimmed.matchAll(/"([^"]+)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? '');
	return terms.every((term) => line.includes(term));
}
