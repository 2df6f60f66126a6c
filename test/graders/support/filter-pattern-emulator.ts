/**
 * A stand-in for CloudWatch Logs' filter-pattern matcher, used wherever a test needs to know what a
 * pattern matches without calling TestMetricFilter: the mocked TestMetricFilter of the grader tests and
 * the test that replays every pattern the course site shows. It follows the "Filter pattern syntax"
 * page of the CloudWatch Logs User Guide:
 *
 * - term patterns: every term must occur in the event (case-sensitive, anywhere: `ERROR` matches
 *   `ERRORCODE`), `"quoted phrases"` are one term, `-term` excludes, `?term ?other` matches either;
 * - space-delimited patterns `[ip, user, ..., status_code=5*, bytes]`: one name per field of the event,
 *   where text in double quotes or square brackets is one field and `...` stands for any number of
 *   fields; without `...` the pattern must name exactly as many fields as the event has. Conditions
 *   use = and != (with `*` wildcards, or numbers) and <, <=, >, >= on numbers, joined by && and ||;
 * - JSON patterns `{ $.status >= 500 && $.path = "/api/*" }` with IS NULL, NOT EXISTS, IS TRUE/FALSE;
 * - regular expressions between percent signs, `%5\d\d%`.
 */

/** The fields of a space-delimited event: quoted and bracketed text is one field, quotes removed. */
export function splitFields(line: string): string[] {
	const fields: string[] = [];
	for (const match of line.matchAll(/"([^"]*)"|\[([^\]]*)\]|(\S+)/g))
		fields.push(match[1] ?? match[2] ?? match[3] ?? '');
	return fields;
}

function wildcard(value: string, expected: string): boolean {
	const escaped = expected
		.split('*')
		.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
		.join('.*');
	return new RegExp(`^${escaped}$`, 's').test(value);
}

const numberLiteral = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=';
type Literal = { text: string; quoted: boolean };
type Expression =
	| { kind: 'and' | 'or'; left: Expression; right: Expression }
	| { kind: 'compare'; subject: string; operator: Operator; literal: Literal }
	| { kind: 'postfix'; subject: string; test: 'IS NULL' | 'NOT EXISTS' | 'EXISTS' | 'IS TRUE' | 'IS FALSE' };

/** A small recursive-descent parser for conditions: () binds tighter than &&, which binds tighter than ||. */
function parseExpression(source: string, subjectPattern: RegExp): Expression {
	let position = 0;
	const skipSpace = () => {
		while (position < source.length && /\s/.test(source[position] ?? '')) position++;
	};
	const take = (token: string) => {
		skipSpace();
		if (source.startsWith(token, position)) {
			position += token.length;
			return true;
		}
		return false;
	};
	const fail = (what: string): never => {
		throw new Error(`Cannot parse filter condition "${source}": expected ${what} at position ${position}`);
	};
	const literal = (): Literal => {
		skipSpace();
		if (source[position] === '"') {
			const end = source.indexOf('"', position + 1);
			if (end < 0) fail('a closing double quote');
			const text = source.slice(position + 1, end);
			position = end + 1;
			return { text, quoted: true };
		}
		const match = /^[^\s&|()]+/.exec(source.slice(position));
		if (!match) return fail('a value');
		position += match[0].length;
		return { text: match[0], quoted: false };
	};
	const primary = (): Expression => {
		if (take('(')) {
			const inner = or();
			if (!take(')')) fail('")"');
			return inner;
		}
		skipSpace();
		const subject = subjectPattern.exec(source.slice(position))?.[0];
		if (!subject) return fail('a field name');
		position += subject.length;
		for (const test of ['IS NULL', 'NOT EXISTS', 'EXISTS', 'IS TRUE', 'IS FALSE'] as const)
			if (take(test)) return { kind: 'postfix', subject, test };
		skipSpace();
		const operator = (['!=', '>=', '<=', '=', '>', '<'] as const).find((op) => source.startsWith(op, position));
		if (!operator) return fail('an operator');
		position += operator.length;
		return { kind: 'compare', subject, operator, literal: literal() };
	};
	const and = (): Expression => {
		let left = primary();
		while (take('&&')) left = { kind: 'and', left, right: primary() };
		return left;
	};
	const or = (): Expression => {
		let left = and();
		while (take('||')) left = { kind: 'or', left, right: and() };
		return left;
	};
	const expression = or();
	skipSpace();
	if (position !== source.length) fail('the end of the condition');
	return expression;
}

type Lookup = (subject: string) => { found: boolean; value: unknown };

function compare(value: unknown, operator: Operator, literal: Literal): boolean {
	const isNumber = !literal.quoted && numberLiteral.test(literal.text);
	if (operator === '=' || operator === '!=') {
		const equal =
			isNumber && value !== '' && !Number.isNaN(Number(value))
				? Number(value) === Number(literal.text)
				: wildcard(String(value), literal.text);
		return operator === '=' ? equal : !equal;
	}
	if (!isNumber || value === '' || typeof value === 'boolean' || Number.isNaN(Number(value))) return false;
	const [left, right] = [Number(value), Number(literal.text)];
	if (operator === '<') return left < right;
	if (operator === '<=') return left <= right;
	if (operator === '>') return left > right;
	return left >= right;
}

function evaluate(expression: Expression, lookup: Lookup): boolean {
	switch (expression.kind) {
		case 'and':
			return evaluate(expression.left, lookup) && evaluate(expression.right, lookup);
		case 'or':
			return evaluate(expression.left, lookup) || evaluate(expression.right, lookup);
		case 'postfix': {
			const { found, value } = lookup(expression.subject);
			if (expression.test === 'NOT EXISTS') return !found;
			if (expression.test === 'EXISTS') return found;
			if (expression.test === 'IS NULL') return found && value === null;
			return found && value === (expression.test === 'IS TRUE');
		}
		default: {
			const { found, value } = lookup(expression.subject);
			// A selector must reach a value: an object, an array or nothing never satisfies = or !=.
			if (!found || value === null || typeof value === 'object') return false;
			return compare(value, expression.operator, expression.literal);
		}
	}
}

/** Splits on commas outside double quotes: the items of a space-delimited pattern. */
function splitItems(body: string): string[] {
	const items: string[] = [];
	let current = '';
	let quoted = false;
	for (const character of body) {
		if (character === '"') quoted = !quoted;
		if (character === ',' && !quoted) {
			items.push(current.trim());
			current = '';
		} else current += character;
	}
	items.push(current.trim());
	return items.filter((item) => item !== '');
}

type Item = { ellipsis: true } | { ellipsis: false; name: string; condition?: Expression };

function parseSpaceDelimited(body: string): Item[] {
	return splitItems(body).map((item) => {
		if (item === '...' || item === '…') return { ellipsis: true };
		const name = /^[A-Za-z_$][\w$]*/.exec(item)?.[0];
		if (!name) throw new Error(`Cannot parse the field "${item}" of a space-delimited pattern`);
		if (item === name) return { ellipsis: false, name };
		return { ellipsis: false, name, condition: parseExpression(item, /^[A-Za-z_$][\w$]*/) };
	});
}

/** Every way the pattern's items can line up with the event's fields (`...` takes zero or more). */
function* alignments(items: Item[], fields: string[], itemIndex = 0, fieldIndex = 0): Generator<Map<string, string>> {
	if (itemIndex === items.length) {
		if (fieldIndex === fields.length) yield new Map();
		return;
	}
	const item = items[itemIndex] as Item;
	if (item.ellipsis) {
		for (let next = fieldIndex; next <= fields.length; next++) yield* alignments(items, fields, itemIndex + 1, next);
		return;
	}
	if (fieldIndex >= fields.length) return;
	for (const rest of alignments(items, fields, itemIndex + 1, fieldIndex + 1))
		yield new Map([[item.name, fields[fieldIndex] as string], ...rest]);
}

function spaceDelimitedMatches(body: string, line: string): boolean {
	const items = parseSpaceDelimited(body);
	const fields = splitFields(line);
	for (const bindings of alignments(items, fields)) {
		const lookup: Lookup = (name) => ({ found: bindings.has(name), value: bindings.get(name) });
		if (items.every((item) => item.ellipsis || !item.condition || evaluate(item.condition, lookup))) return true;
	}
	return false;
}

function select(document: unknown, selector: string): { found: boolean; value: unknown } {
	let current: unknown = document;
	for (const step of selector.slice(1).matchAll(/\.([\w-]+)|\[(\d+)\]/g)) {
		if (step[1] !== undefined) {
			if (current === null || typeof current !== 'object' || Array.isArray(current) || !(step[1] in current))
				return { found: false, value: undefined };
			current = (current as Record<string, unknown>)[step[1]];
		} else {
			const index = Number(step[2]);
			if (!Array.isArray(current) || index >= current.length) return { found: false, value: undefined };
			current = current[index];
		}
	}
	return { found: true, value: current };
}

function jsonMatches(body: string, line: string): boolean {
	let document: unknown;
	try {
		document = JSON.parse(line);
	} catch {
		return false;
	}
	const expression = parseExpression(body, /^\$(?:\.[\w-]+|\[\d+\])*/);
	return evaluate(expression, (selector) => select(document, selector));
}

function termsMatch(pattern: string, line: string): boolean {
	const tokens = [...pattern.matchAll(/\s*([?-]?)\s*(?:"([^"]*)"|([^\s"?-][^\s"]*))/g)].map((match) => ({
		prefix: match[1] ?? '',
		term: match[2] ?? match[3] ?? '',
	}));
	const anyOf = tokens.filter((token) => token.prefix === '?');
	const exclude = tokens.filter((token) => token.prefix === '-');
	const allOf = tokens.filter((token) => token.prefix === '');
	if (exclude.some((token) => line.includes(token.term))) return false;
	if (anyOf.length > 0 && !anyOf.some((token) => line.includes(token.term))) return false;
	return allOf.every((token) => line.includes(token.term));
}

/** Whether CloudWatch Logs would count this event for this filter pattern. */
export function patternMatches(pattern: string, line: string): boolean {
	const trimmed = pattern.trim();
	if (trimmed === '') return true;
	if (trimmed.startsWith('[') && trimmed.endsWith(']')) return spaceDelimitedMatches(trimmed.slice(1, -1), line);
	if (trimmed.startsWith('{') && trimmed.endsWith('}')) return jsonMatches(trimmed.slice(1, -1).trim(), line);
	if (trimmed.length > 1 && trimmed.startsWith('%') && trimmed.endsWith('%'))
		return new RegExp(trimmed.slice(1, -1)).test(line);
	return termsMatch(trimmed, line);
}
