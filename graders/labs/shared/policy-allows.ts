/**
 * A deliberately small IAM policy evaluator: does any Allow statement grant the action, and does no
 * unconditional Deny take it away? Resources and conditions are not evaluated: the question a lab
 * asks is "was the permission granted at all", and scoping logs:PutLogEvents to one log group is a
 * legitimate, better way to grant it.
 */
interface Statement {
	Effect?: string;
	Action?: string | string[];
	NotAction?: string | string[];
	Condition?: unknown;
}

const asList = (value: string | string[] | undefined): string[] =>
	value === undefined ? [] : Array.isArray(value) ? value : [value];

function wildcardMatches(pattern: string, action: string): boolean {
	const regex = new RegExp(
		`^${pattern
			.split('*')
			.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
			.join('.*')}$`,
		'i',
	);
	return regex.test(action);
}

function statementCovers(statement: Statement, action: string): boolean {
	if (statement.NotAction !== undefined)
		return !asList(statement.NotAction).some((pattern) => wildcardMatches(pattern, action));
	return asList(statement.Action).some((pattern) => wildcardMatches(pattern, action));
}

function statementsOf(document: unknown): Statement[] {
	if (typeof document !== 'object' || document === null) return [];
	const statement = (document as { Statement?: unknown }).Statement;
	const list = Array.isArray(statement) ? statement : statement === undefined ? [] : [statement];
	return list.filter((item): item is Statement => typeof item === 'object' && item !== null);
}

export function policiesAllow(documents: readonly unknown[], action: string): boolean {
	const statements = documents.flatMap(statementsOf);
	const denied = statements.some((s) => s.Effect === 'Deny' && s.Condition === undefined && statementCovers(s, action));
	return !denied && statements.some((s) => s.Effect === 'Allow' && statementCovers(s, action));
}
