/**
 * Whether an EventBridge event pattern can match a CloudWatch alarm state change event:
 *
 *   { "source": "aws.cloudwatch", "detail-type": "CloudWatch Alarm State Change",
 *     "resources": ["arn:aws:cloudwatch:…:alarm:<name>"], "detail": { "state": { "value": "ALARM" }, … } }
 *
 * Only the fields every such event has with a known value are tested: `source`, `detail-type` and
 * `detail.state.value` (OK, ALARM or INSUFFICIENT_DATA); a field the pattern leaves out matches any
 * event. The values may use the comparison operators of EventBridge's content filtering (prefix,
 * suffix, equals-ignore-case, wildcard, anything-but, exists) and `$or`. A pattern on other fields
 * (`resources`, `detail.alarmName`, …) is taken as matching: it depends on the learner's alarm, and the
 * remediation check only counts a runbook run the rule's role started, which a rule that never matches
 * cannot produce.
 */

const alarmStateChange = {
	source: ['aws.cloudwatch'],
	detailType: ['CloudWatch Alarm State Change'],
	states: ['OK', 'ALARM', 'INSUFFICIENT_DATA'],
} as const;

type Json = unknown;

const lower = (text: string) => text.toLowerCase();

/** `*` matches any run of characters; `\*` is a literal star. */
function wildcardMatches(pattern: string, value: string): boolean {
	const source = pattern
		.split(/(\\\*|\*)/)
		.map((part) => (part === '*' ? '.*' : (part === '\\*' ? '*' : part).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
		.join('');
	return new RegExp(`^${source}$`, 's').test(value);
}

/** A `prefix` or `suffix` operand: a string, or `{ "equals-ignore-case": "…" }`. */
function affixMatches(operand: Json, value: string, test: (value: string, affix: string) => boolean): boolean {
	if (typeof operand === 'string') return test(value, operand);
	const ignoreCase = (operand as { 'equals-ignore-case'?: unknown } | null)?.['equals-ignore-case'];
	return typeof ignoreCase === 'string' && test(lower(value), lower(ignoreCase));
}

const asList = (operand: Json): Json[] => (Array.isArray(operand) ? operand : [operand]);

/** What `anything-but` excludes: values, or one operator (prefix, suffix, equals-ignore-case, wildcard). */
function excluded(operand: Json, value: string): boolean {
	if (operand !== null && typeof operand === 'object' && !Array.isArray(operand)) {
		return asList(operand).some((matcher) => matcherMatches(matcher, value));
	}
	return asList(operand).includes(value);
}

/** One entry of a pattern's value array against the event's string value. */
function matcherMatches(matcher: Json, value: string): boolean {
	if (typeof matcher === 'string') return matcher === value;
	if (matcher === null || typeof matcher !== 'object' || Array.isArray(matcher)) return false;
	const [operator, operand] = Object.entries(matcher)[0] ?? [];
	switch (operator) {
		case 'prefix':
			return affixMatches(operand, value, (text, affix) => text.startsWith(affix));
		case 'suffix':
			return affixMatches(operand, value, (text, affix) => text.endsWith(affix));
		case 'equals-ignore-case':
			return asList(operand).some((text) => typeof text === 'string' && lower(text) === lower(value));
		case 'wildcard':
			return asList(operand).some((text) => typeof text === 'string' && wildcardMatches(text, value));
		case 'anything-but':
			return !excluded(operand, value);
		case 'exists':
			return operand === true;
		case 'numeric':
		case 'cidr':
			return false;
		default:
			// An operator this grader does not know: EventBridge accepted the pattern, so do not rule it out.
			return true;
	}
}

/** Whether the field's pattern (absent: any value) admits one of the values the event can carry. */
function fieldAdmits(pattern: Json, values: readonly string[]): boolean {
	if (pattern === undefined) return true;
	// EventBridge stores values in arrays; a bare value is read as a one-value array.
	const matchers = asList(pattern);
	return values.some((value) => matchers.some((matcher) => matcherMatches(matcher, value)));
}

const member = (node: Json, key: string): Json =>
	node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, Json>)[key] : undefined;

function patternAdmits(pattern: Json): boolean {
	if (pattern === null || typeof pattern !== 'object' || Array.isArray(pattern)) return false;
	const alternatives = member(pattern, '$or');
	if (Array.isArray(alternatives) && !alternatives.some(patternAdmits)) return false;
	const detail = member(pattern, 'detail');
	const detailAlternatives = member(detail, '$or');
	if (Array.isArray(detailAlternatives) && !detailAlternatives.some((branch) => patternAdmits({ detail: branch })))
		return false;
	return (
		fieldAdmits(member(pattern, 'source'), alarmStateChange.source) &&
		fieldAdmits(member(pattern, 'detail-type'), alarmStateChange.detailType) &&
		fieldAdmits(member(member(detail, 'state'), 'value'), alarmStateChange.states)
	);
}

/** Whether the rule's event pattern (JSON text as EventBridge stores it) can match an alarm state change. */
export function canMatchAlarmStateChange(eventPattern: string): boolean {
	try {
		return patternAdmits(JSON.parse(eventPattern));
	} catch {
		return false;
	}
}
