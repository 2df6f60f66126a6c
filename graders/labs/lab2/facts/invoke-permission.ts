/**
 * Does a Lambda resource-based policy let EventBridge (a rule with this ARN) invoke the function?
 * This reads the statements the way `aws lambda add-permission` writes them: principal
 * events.amazonaws.com, action lambda:InvokeFunction, optionally limited by AWS:SourceArn.
 */
interface Statement {
	Effect?: string;
	Principal?: unknown;
	Action?: string | string[];
	Condition?: Record<string, Record<string, string | string[]>>;
}

const asList = (value: string | string[] | undefined): string[] =>
	value === undefined ? [] : Array.isArray(value) ? value : [value];

function wildcard(pattern: string, value: string): boolean {
	const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
	return new RegExp(`^${escaped.join('.*')}$`, 'i').test(value);
}

function principalIsEventBridge(principal: unknown): boolean {
	if (principal === '*') return true;
	if (typeof principal !== 'object' || principal === null) return false;
	const service = (principal as { Service?: string | string[]; AWS?: string | string[] }).Service;
	return (
		asList(service).includes('events.amazonaws.com') ||
		asList((principal as { AWS?: string | string[] }).AWS).includes('*')
	);
}

/** Only source conditions are understood; any other condition keeps the statement from counting. */
function conditionAllows(condition: Statement['Condition'], ruleArn: string): boolean {
	if (condition === undefined) return true;
	return Object.entries(condition).every(([operator, keys]) =>
		Object.entries(keys).every(([key, values]) => {
			if (key.toLowerCase() !== 'aws:sourcearn') return key.toLowerCase() === 'aws:sourceaccount';
			const patterns = asList(values);
			return operator === 'ArnEquals' || operator === 'StringEquals'
				? patterns.includes(ruleArn)
				: patterns.some((pattern) => wildcard(pattern, ruleArn));
		}),
	);
}

export function policyLetsRuleInvoke(document: unknown, ruleArn: string): boolean {
	if (typeof document !== 'object' || document === null) return false;
	const raw = (document as { Statement?: unknown }).Statement;
	const statements = (Array.isArray(raw) ? raw : [raw]).filter(
		(item): item is Statement => typeof item === 'object' && item !== null,
	);
	return statements.some(
		(statement) =>
			statement.Effect === 'Allow' &&
			principalIsEventBridge(statement.Principal) &&
			asList(statement.Action).some((action) => wildcard(action, 'lambda:InvokeFunction')) &&
			conditionAllows(statement.Condition, ruleArn),
	);
}
