/**
 * Why an account could not be graded, in the instructor's words, with what to do about it. The
 * gradebook keeps each account's error kind (describeAccountError) and message; the live dashboard
 * and the completion report group accounts by the cause worked out here, so ten learners with the
 * same undeployed role read as one thing to fix, not ten learner failures.
 */
export type AccountErrorCause =
	| 'grader-role'
	| 'region-not-enabled'
	| 'timeout'
	| 'access-denied'
	| 'throttled'
	| 'credentials'
	| 'network'
	| 'reads-failed'
	| 'other';

export interface CauseAdvice {
	cause: AccountErrorCause;
	/** Short name of the cause, e.g. "Grader role not deployed, not trusting you, or ExternalId mismatch". */
	title: string;
	/** What the instructor (or the learner, told by the instructor) does next. */
	fix: string;
}

// STS answers AccessDenied alike for a missing role, a trust policy that does not name the caller
// and a wrong ExternalId, so the title names all three rather than guessing one.
const advice: Record<AccountErrorCause, Omit<CauseAdvice, 'cause'>> = {
	'grader-role': {
		title: 'Grader role not deployed, not trusting you, or ExternalId mismatch',
		fix: 'Ask the learner to deploy labs/grader-role/template.yaml with your account id and the cohort ExternalId (or redeploy it with the right ones), then grade again (watch does so every round).',
	},
	'region-not-enabled': {
		title: 'Region not enabled in the account',
		fix: 'Grade in a Region the account has enabled (--region), or ask the learner to enable the Region (Account settings > AWS Regions) or STS in it (IAM > Account settings).',
	},
	timeout: {
		title: 'Grading took longer than the time limit',
		fix: 'Usually a slow network or heavy throttling; grading again usually succeeds. Raise --timeout if it keeps happening.',
	},
	'access-denied': {
		title: 'The grader role lacks a permission',
		fix: 'Ask the learner to update the grader role stack to the current labs/grader-role/template.yaml.',
	},
	throttled: {
		title: 'AWS throttled the reads',
		fix: 'Grading again usually succeeds; lower --concurrency if many accounts say this.',
	},
	credentials: {
		title: 'Your own AWS credentials were refused',
		fix: 'Refresh your credentials (aws sso login, or a new session) and run again.',
	},
	network: {
		title: 'Network or endpoint trouble',
		fix: 'Check your connection and --endpoint-url; grading again (or the next watch round) usually succeeds.',
	},
	'reads-failed': {
		title: 'Some reads failed, so some checks could not be graded',
		fix: "Each check's message names the read that failed: usually a grader role older than the labs (ask the learner to update it from labs/grader-role/template.yaml) or throttling; grade again.",
	},
	other: {
		title: 'Unexpected error',
		fix: 'Read the message below; if it names the grader, report it with the command you ran.',
	},
};

const regionDisabled = /RegionDisabled|not (?:been )?(?:activated|enabled) (?:in|for) (?:this|the) region/i;

/**
 * The cause of one account error, from the kind and message the gradebook stored. No kind means the
 * account was read but some of its reads failed (the lab came out `error`, check by check).
 */
export function causeOfAccountError(kind: string | null, message: string | null): CauseAdvice {
	const text = message ?? '';
	let cause: AccountErrorCause;
	if (regionDisabled.test(text)) cause = 'region-not-enabled';
	else if (kind === 'assume-role') cause = 'grader-role';
	else if (kind === null) cause = 'reads-failed';
	else if (kind !== null && kind in advice) cause = kind as AccountErrorCause;
	else cause = 'other';
	return { cause, ...advice[cause] };
}

export interface CauseGroup<T> {
	advice: CauseAdvice;
	items: T[];
}

/** Groups accounts by cause, the cause with most accounts first (ties in a fixed order). */
export function groupByCause<T>(
	items: readonly T[],
	errorOf: (item: T) => { kind: string | null; message: string | null },
): CauseGroup<T>[] {
	const groups = new Map<AccountErrorCause, CauseGroup<T>>();
	for (const item of items) {
		const { kind, message } = errorOf(item);
		const found = causeOfAccountError(kind, message);
		const group = groups.get(found.cause) ?? { advice: found, items: [] };
		group.items.push(item);
		groups.set(found.cause, group);
	}
	const order = Object.keys(advice);
	return [...groups.values()].sort(
		(a, b) => b.items.length - a.items.length || order.indexOf(a.advice.cause) - order.indexOf(b.advice.cause),
	);
}
