import type { ReadError, ReadErrorKind } from './types.ts';

/** Thrown by SnapshotView.read / CollectContext.need when the read a caller depends on failed. */
export class ReadFailed extends Error {
	override name = 'ReadFailed';
	readonly readError: ReadError;
	constructor(readError: ReadError) {
		super(readError.message);
		this.readError = readError;
	}
}

/** Thrown by the read-only guard before a non-read operation leaves the process. */
export class ReadOnlyViolation extends Error {
	override name = 'ReadOnlyViolation';
}

/** Where a failed call was going; the guard middleware stamps it on errors from real clients. */
export interface CallSite {
	service: string;
	operation: string;
}

export const callSiteKey = Symbol.for('sre-lab.call-site');

const accessDeniedNames = new Set([
	'AccessDenied',
	'AccessDeniedException',
	'UnauthorizedOperation',
	'AuthorizationError',
	'AuthorizationErrorException',
	'UnauthorizedException',
	'Forbidden',
]);
const throttledNames = new Set([
	'Throttling',
	'ThrottlingException',
	'ThrottledException',
	'RequestLimitExceeded',
	'TooManyRequestsException',
	'RequestThrottled',
	'RequestThrottledException',
	'SlowDown',
	'RateExceeded',
]);
const notImplementedNames = new Set([
	'NotImplemented',
	'NotImplementedException',
	'InvalidAction',
	'UnknownOperationException',
	'UnsupportedOperation',
	'UnsupportedOperationException',
]);
const credentialNames = new Set([
	'CredentialsProviderError',
	'ExpiredToken',
	'ExpiredTokenException',
	'InvalidClientTokenId',
	'UnrecognizedClientException',
	'SignatureDoesNotMatch',
	'InvalidSignatureException',
	'IncompleteSignature',
	'MissingAuthenticationToken',
	'AuthFailure',
	'TokenRefreshRequired',
	'InvalidAccessKeyId',
]);
const regionNames = new Set(['OptInRequired', 'InvalidEndpointException', 'UnknownEndpoint']);
const networkCodes = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ENOTFOUND',
	'EAI_AGAIN',
	'ETIMEDOUT',
	'EPIPE',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'TimeoutError',
	'RequestTimeout',
]);

interface SdkLikeError {
	name?: string;
	code?: string;
	message?: string;
	$metadata?: { httpStatusCode?: number; attempts?: number };
	[callSiteKey]?: CallSite;
}

function classifyKind(error: SdkLikeError): ReadErrorKind {
	const name = error.name ?? '';
	const message = error.message ?? '';
	const status = error.$metadata?.httpStatusCode;
	if (
		credentialNames.has(name) ||
		/could not load credentials|credential(s)? (is|are) (missing|expired)|security token .*(expired|invalid)/i.test(
			message,
		)
	) {
		return 'credentials';
	}
	if (accessDeniedNames.has(name) || /not authorized to perform/i.test(message)) return 'access-denied';
	if (throttledNames.has(name) || status === 429) return 'throttled';
	if (notImplementedNames.has(name) || status === 501 || /not (yet )?implemented/i.test(message))
		return 'not-implemented';
	if (regionNames.has(name) || /region is missing|invalid region|unknown region/i.test(message)) return 'region';
	if (
		networkCodes.has(error.code ?? '') ||
		networkCodes.has(name) ||
		/getaddrinfo|socket hang up|connect ECONNREFUSED/i.test(message)
	) {
		return 'network';
	}
	return 'other';
}

/** IAM names the denied action in its message: "... is not authorized to perform: ec2:DescribeInstances ...". */
function deniedActionFrom(message: string): string | undefined {
	return /perform:? ([a-z0-9-]+:[A-Za-z0-9]+)/.exec(message)?.[1];
}

function adviceFor(kind: ReadErrorKind, action: string, error: SdkLikeError): string {
	const attempts = error.$metadata?.attempts;
	switch (kind) {
		case 'access-denied':
			return `Access denied for ${action}. Grant it to the identity running the grader (\`sre-lab policy\` prints every action the graders need).`;
		case 'throttled':
			return `AWS kept throttling ${action}${attempts ? ` after ${attempts} attempts` : ''}. Wait a minute and run the grader again.`;
		case 'not-implemented':
			return `The endpoint does not implement ${action}, so this could not be verified there. Grade against AWS itself to verify it.`;
		case 'credentials':
			return `No valid AWS credentials (${error.message ?? error.name}). Sign in again (for example \`aws sso login\` or \`aws configure\`), or run the grader in AWS CloudShell.`;
		case 'region':
			return `The region could not be used for ${action} (${error.message ?? error.name}). Pass --region with the region your lab is in.`;
		case 'network':
			return `Could not reach the ${action.split(':')[0]} endpoint (${error.code ?? error.message ?? error.name}). Check your network connection or --endpoint-url.`;
		default:
			return `${action} failed: ${error.name ?? 'Error'}: ${error.message ?? 'unknown error'}`;
	}
}

/**
 * Turns anything a read threw into a ReadError. `fallback` names the call when the error itself does
 * not (for example errors from mocked clients, where no middleware ran).
 */
export function classifyReadError(thrown: unknown, fallback: CallSite): ReadError {
	if (thrown instanceof ReadFailed) return thrown.readError;
	const error: SdkLikeError =
		typeof thrown === 'object' && thrown !== null ? (thrown as SdkLikeError) : { message: String(thrown) };
	const site = error[callSiteKey] ?? fallback;
	const kind = classifyKind(error);
	const action =
		(kind === 'access-denied' ? deniedActionFrom(error.message ?? '') : undefined) ??
		`${site.service}:${site.operation}`;
	return {
		kind,
		service: site.service,
		operation: site.operation,
		action,
		message: adviceFor(kind, action, error),
	};
}
