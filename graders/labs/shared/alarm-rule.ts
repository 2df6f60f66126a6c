/**
 * The AlarmRule of a CloudWatch composite alarm (PutCompositeAlarm): functions ALARM(x), OK(x) and
 * INSUFFICIENT_DATA(x) of another alarm's name or ARN (quoted with double quotes or not), TRUE,
 * FALSE, AT_LEAST(M or M%, [NOT] STATE, (x, y, …)), combined with AND, OR, NOT and parentheses.
 * Parsed so a check can tell which alarms' states make the composite fire.
 */
export type AlarmStateName = 'ALARM' | 'OK' | 'INSUFFICIENT_DATA';

export type AlarmRuleNode =
	| { kind: 'constant'; value: boolean }
	| { kind: 'state'; state: AlarmStateName; alarm: string }
	| { kind: 'not'; operand: AlarmRuleNode }
	| { kind: 'and' | 'or'; operands: AlarmRuleNode[] }
	| {
			kind: 'at-least';
			/** A count, or a share of the operands when `percent` is true. */
			threshold: number;
			percent: boolean;
			negated: boolean;
			state: AlarmStateName;
			alarms: string[];
	  };

export type ParsedAlarmRule = { ok: true; rule: AlarmRuleNode } | { ok: false; problem: string };

const states = new Set<string>(['ALARM', 'OK', 'INSUFFICIENT_DATA']);

class RuleSyntaxError extends Error {}

/** A small recursive-descent parser; precedence NOT > AND > OR, as in the documented examples. */
class Parser {
	private position = 0;
	private readonly text: string;
	constructor(text: string) {
		this.text = text;
	}

	parse(): AlarmRuleNode {
		const rule = this.or();
		this.skipSpace();
		if (this.position < this.text.length)
			this.fail(`unexpected "${this.text.slice(this.position, this.position + 12)}"`);
		return rule;
	}

	private fail(problem: string): never {
		throw new RuleSyntaxError(`${problem} at character ${this.position + 1}`);
	}

	private skipSpace() {
		while (/\s/.test(this.text[this.position] ?? '')) this.position++;
	}

	/** Consumes a keyword when it is next (case-insensitive, not followed by a name character). */
	private keyword(word: string): boolean {
		this.skipSpace();
		const candidate = this.text.slice(this.position, this.position + word.length);
		const after = this.text[this.position + word.length] ?? '';
		if (candidate.toUpperCase() !== word || /[A-Za-z0-9_]/.test(after)) return false;
		this.position += word.length;
		return true;
	}

	private expect(character: string) {
		this.skipSpace();
		if (this.text[this.position] !== character) this.fail(`expected "${character}"`);
		this.position++;
	}

	private or(): AlarmRuleNode {
		const operands = [this.and()];
		while (this.keyword('OR')) operands.push(this.and());
		return operands.length === 1 ? (operands[0] as AlarmRuleNode) : { kind: 'or', operands };
	}

	private and(): AlarmRuleNode {
		const operands = [this.unary()];
		while (this.keyword('AND')) operands.push(this.unary());
		return operands.length === 1 ? (operands[0] as AlarmRuleNode) : { kind: 'and', operands };
	}

	private unary(): AlarmRuleNode {
		if (this.keyword('NOT')) return { kind: 'not', operand: this.unary() };
		return this.primary();
	}

	private primary(): AlarmRuleNode {
		this.skipSpace();
		if (this.text[this.position] === '(') {
			this.position++;
			const inner = this.or();
			this.expect(')');
			return inner;
		}
		if (this.keyword('TRUE')) return { kind: 'constant', value: true };
		if (this.keyword('FALSE')) return { kind: 'constant', value: false };
		if (this.keyword('AT_LEAST')) return this.atLeast();
		for (const state of states) {
			if (this.keyword(state)) {
				this.expect('(');
				const alarm = this.reference(')');
				this.expect(')');
				return { kind: 'state', state: state as AlarmStateName, alarm };
			}
		}
		this.fail('expected ALARM(…), OK(…), INSUFFICIENT_DATA(…), AT_LEAST(…), TRUE, FALSE, NOT or "("');
	}

	private atLeast(): AlarmRuleNode {
		this.expect('(');
		this.skipSpace();
		const match = /^(\d+(?:\.\d+)?)\s*(%?)/.exec(this.text.slice(this.position));
		if (!match) this.fail('AT_LEAST needs a count or a percentage first');
		this.position += match[0].length;
		this.expect(',');
		const negated = this.keyword('NOT');
		const state = [...states].find((name) => this.keyword(name));
		if (!state) this.fail('AT_LEAST needs a state (ALARM, OK or INSUFFICIENT_DATA)');
		this.expect(',');
		this.expect('(');
		const alarms = [this.reference(',)')];
		for (this.skipSpace(); this.text[this.position] === ','; this.skipSpace()) {
			this.position++;
			alarms.push(this.reference(',)'));
		}
		this.expect(')');
		this.expect(')');
		return {
			kind: 'at-least',
			threshold: Number(match[1]),
			percent: match[2] === '%',
			negated,
			state: state as AlarmStateName,
			alarms,
		};
	}

	/** An alarm name or ARN: in double quotes (a backslash escapes the next character), or up to a stop character. */
	private reference(stops: string): string {
		this.skipSpace();
		if (this.text[this.position] === '"') {
			let value = '';
			for (this.position++; this.position < this.text.length; this.position++) {
				const character = this.text[this.position] as string;
				if (character === '\\') value += this.text[++this.position] ?? '';
				else if (character === '"') {
					this.position++;
					return value;
				} else value += character;
			}
			this.fail('unterminated quoted alarm name');
		}
		const start = this.position;
		while (this.position < this.text.length && !stops.includes(this.text[this.position] as string)) this.position++;
		const value = this.text.slice(start, this.position).trim();
		if (!value) this.fail('expected an alarm name or ARN');
		return value;
	}
}

export function parseAlarmRule(text: string): ParsedAlarmRule {
	try {
		return { ok: true, rule: new Parser(text).parse() };
	} catch (error) {
		if (error instanceof RuleSyntaxError) return { ok: false, problem: error.message };
		throw error;
	}
}

/** Every alarm the rule refers to, by name or ARN as written, in order of first mention. */
export function ruleReferences(rule: AlarmRuleNode): string[] {
	const found: string[] = [];
	const visit = (node: AlarmRuleNode) => {
		if (node.kind === 'state') found.push(node.alarm);
		else if (node.kind === 'at-least') found.push(...node.alarms);
		else if (node.kind === 'not') visit(node.operand);
		else if (node.kind === 'and' || node.kind === 'or') node.operands.forEach(visit);
	};
	visit(rule);
	return [...new Set(found)];
}

/** The rule's value when each referenced alarm is in the state `stateOf` gives it. */
export function evaluateAlarmRule(rule: AlarmRuleNode, stateOf: (alarm: string) => AlarmStateName): boolean {
	switch (rule.kind) {
		case 'constant':
			return rule.value;
		case 'state':
			return stateOf(rule.alarm) === rule.state;
		case 'not':
			return !evaluateAlarmRule(rule.operand, stateOf);
		case 'and':
			return rule.operands.every((operand) => evaluateAlarmRule(operand, stateOf));
		case 'or':
			return rule.operands.some((operand) => evaluateAlarmRule(operand, stateOf));
		case 'at-least': {
			const matching = rule.alarms.filter((alarm) => (stateOf(alarm) === rule.state) !== rule.negated).length;
			const needed = rule.percent ? (rule.threshold / 100) * rule.alarms.length : rule.threshold;
			return matching >= needed;
		}
	}
}
