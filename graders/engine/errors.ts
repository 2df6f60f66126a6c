import { isKnownRegion, isOptInRegion } from './regions.ts';
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

/**
 * Thrown by a collector whose service has no endpoint in the Region (its host name does not resolve
 * although earlier reads reached AWS): recorded as `not-implemented`, not as a network failure.
 */
export class ServiceNotInRegion extends Error {
	override name = 'ServiceNotInRegion';
	readonly host: string;
	constructor(host: string, options?: ErrorOptions) {
		super(`${host} does not resolve`, options);
		this.host = host;
	}
}

/**
 * For a read made after another read of the same account and Region reached AWS: a host name that
 * does not resolve then means the service has no endpoint in that Region (EventBridge Scheduler or
 * Application Signals in a newer Region), not a network failure. Keeps the call site the middleware
 * stamped, so the advice still names the action; anything else is returned unchanged.
 */
export function asServiceNotInRegion(error: unknown): unknown {
	if (typeof error !== 'object' || error === null || error instanceof ServiceNotInRegion) return error;
	const host = unresolvedHost(error as SdkLikeError);
	if (!host) return error;
	const site = (error as SdkLikeError)[callSiteKey];
	const wrapped = new ServiceNotInRegion(host, { cause: error });
	if (site) Object.defineProperty(wrapped, callSiteKey, { value: site, enumerable: false, configurable: true });
	return wrapped;
}

/** Where a failed call was going; the call-counter middleware stamps it on errors from real clients. */
export interface CallSite {
	service: string;
	operation: string;
	/** The Region the client was configured for, when known. */
	region?: string;
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
/** The SDK found no credentials at all, or the chain could not produce any. */
const missingCredentialNames = new Set([
	'CredentialsProviderError',
	'TokenProviderError',
	'MissingAuthenticationToken',
]);
const expiredCredentialNames = new Set(['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired']);
/** AWS did not accept the credentials: unknown key, wrong secret, or (in a disabled opt-in Region) any key. */
const rejectedCredentialNames = new Set([
	'InvalidClientTokenId',
	'UnrecognizedClientException',
	'SignatureDoesNotMatch',
	'InvalidSignatureException',
	'IncompleteSignature',
	'AuthFailure',
	'InvalidAccessKeyId',
]);
/** The names AWS uses for a key it does not know, which is also its answer in an opt-in Region not enabled. */
const unknownKeyNames = new Set(['InvalidClientTokenId', 'UnrecognizedClientException', 'AuthFailure']);
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
	hostname?: string;
	$metadata?: { httpStatusCode?: number; attempts?: number };
	[callSiteKey]?: CallSite;
}

/** A finer reason than the kind, so each cause gets its own advice. */
type Diagnosis =
	| { kind: 'credentials'; reason: 'missing' | 'expired' | 'rejected' }
	| { kind: 'region'; reason: 'opt-in' | 'unknown' | 'invalid' | 'other' }
	| { kind: 'not-implemented'; reason?: 'not-in-region' }
	| { kind: 'network'; reason?: 'timeout' }
	| { kind: 'other'; reason?: 'server-error' | 'not-an-aws-response' }
	| { kind: Exclude<ReadErrorKind, 'credentials' | 'region' | 'not-implemented' | 'network' | 'other'> };

const expiredPattern = /expired/i;

/** The host a DNS lookup failed for: Node puts it on the error and in "getaddrinfo ENOTFOUND <host>". */
export function unresolvedHost(error: SdkLikeError): string | undefined {
	if (error.code !== 'ENOTFOUND' && !/ENOTFOUND/.test(error.message ?? '')) return undefined;
	return error.hostname ?? /ENOTFOUND (\S+)/.exec(error.message ?? '')?.[1];
}

function diagnose(error: SdkLikeError, region: string | undefined): Diagnosis {
	const name = error.name ?? '';
	const message = error.message ?? '';
	const status = error.$metadata?.httpStatusCode;
	if (expiredCredentialNames.has(name) || /security token .*expired/i.test(message)) {
		return { kind: 'credentials', reason: 'expired' };
	}
	if (rejectedCredentialNames.has(name) || /security token .*invalid/i.test(message)) {
		// A bad signature is the credentials' fault wherever it happens; an "unknown key" may be the Region's.
		const unknownKey = unknownKeyNames.has(name) || !rejectedCredentialNames.has(name);
		if (unknownKey && region && isOptInRegion(region)) return { kind: 'region', reason: 'opt-in' };
		return { kind: 'credentials', reason: 'rejected' };
	}
	if (missingCredentialNames.has(name) || /could not load credentials|credentials? (is|are) missing/i.test(message)) {
		return { kind: 'credentials', reason: expiredPattern.test(message) ? 'expired' : 'missing' };
	}
	if (accessDeniedNames.has(name) || /not authorized to perform/i.test(message)) return { kind: 'access-denied' };
	if (throttledNames.has(name) || status === 429) return { kind: 'throttled' };
	if (name === 'ServiceNotInRegion') return { kind: 'not-implemented', reason: 'not-in-region' };
	if (notImplementedNames.has(name) || status === 501 || /not (yet )?implemented/i.test(message)) {
		return { kind: 'not-implemented' };
	}
	if (/region not accepted|not a valid hostname component/i.test(message)) return { kind: 'region', reason: 'invalid' };
	if (regionNames.has(name) || /region is missing|invalid region|unknown region/i.test(message)) {
		return { kind: 'region', reason: name === 'OptInRequired' ? 'opt-in' : 'other' };
	}
	const host = unresolvedHost(error);
	if (host && region && !isKnownRegion(region) && host.includes(`.${region}.`))
		return { kind: 'region', reason: 'unknown' };
	if (isTimeout(error)) return { kind: 'network', reason: 'timeout' };
	if (
		networkCodes.has(error.code ?? '') ||
		networkCodes.has(name) ||
		/getaddrinfo|socket hang up|connect ECONNREFUSED/i.test(message)
	) {
		return { kind: 'network' };
	}
	// The SDK could not parse the body as the service's protocol: not AWS answering (an emulator's
	// HTML error page for an operation it lacks, a proxy's login page), whatever the status.
	if (/Deserialization error/.test(message)) return { kind: 'other', reason: 'not-an-aws-response' };
	if (status !== undefined && status >= 500) return { kind: 'other', reason: 'server-error' };
	return { kind: 'other' };
}

/** The SDK's request handler gives up waiting (see http-timeouts.ts): TimeoutError, or ETIMEDOUT from the socket. */
function isTimeout(error: SdkLikeError): boolean {
	return (
		error.name === 'TimeoutError' ||
		error.code === 'ETIMEDOUT' ||
		/timed out|timeout of \d+ ?ms/i.test(error.message ?? '')
	);
}

/** "within 30 s": the limit the SDK's timeout message states, when it states one. */
function timeoutLimit(error: SdkLikeError): string {
	const ms = /(\d+) ?ms/.exec(error.message ?? '')?.[1];
	return ms ? ` within ${Number(ms) / 1000} s` : '';
}

/** IAM names the denied action in its message: "... is not authorized to perform: ec2:DescribeInstances ...". */
function deniedActionFrom(message: string): string | undefined {
	return /perform:? ([a-z0-9-]+:[A-Za-z0-9]+)/.exec(message)?.[1];
}

const passRegion = 'pass --region with the Region your lab is in (for example --region eu-west-1)';

function adviceFor(diagnosis: Diagnosis, action: string, error: SdkLikeError, region: string | undefined): string {
	const attempts = error.$metadata?.attempts;
	const status = error.$metadata?.httpStatusCode;
	const detail = error.message || error.name || 'no details';
	const where = region ?? 'the configured Region';
	switch (diagnosis.kind) {
		case 'access-denied':
			return `Access denied for ${action}. Grant it to the identity running the grader (\`sre-lab policy\` prints every action the graders need).`;
		case 'throttled':
			return `AWS kept throttling ${action}${attempts ? ` after ${attempts} attempts` : ' after every retry'}. Wait a minute and run the grader again.`;
		case 'not-implemented':
			if (diagnosis.reason === 'not-in-region') {
				return `${action.split(':')[0]} is not offered in ${where} (${detail}), so ${action} could not be read there.`;
			}
			return `The endpoint does not implement ${action}, so this could not be verified there. Grade against AWS itself to verify it.`;
		case 'credentials':
			switch (diagnosis.reason) {
				case 'missing':
					return `No AWS credentials found (${detail}). Sign in first: \`aws configure\`, or \`aws sso login\` and --profile for an IAM Identity Center profile; AWS CloudShell has credentials already.`;
				case 'expired':
					return `Your AWS credentials have expired (${detail}). Get fresh ones and run the grader again: \`aws sso login\` for an IAM Identity Center profile, new temporary keys from your access portal, or reopen AWS CloudShell.`;
				default:
					return `AWS rejected your credentials (${error.name ?? 'Error'}: ${detail}): the access key is unknown or its secret is wrong. Check which identity is in use with \`aws sts get-caller-identity\`, then fix the keys or sign in again.`;
			}
		case 'region':
			switch (diagnosis.reason) {
				case 'opt-in':
					return `AWS refused the call in ${where}, a Region an account has to enable before use (${error.name ?? 'Error'}). Enable it (account menu → Account → AWS Regions) or ${passRegion}. If the Region is enabled, your credentials are invalid: sign in again.`;
				case 'unknown':
					return `"${where}" is not an AWS Region: ${unresolvedHost(error)} does not exist. Check the spelling and ${passRegion}.`;
				case 'invalid':
					return `"${where}" is not a valid Region name: ${passRegion}.`;
				default:
					return `The Region could not be used for ${action} (${detail}): ${passRegion}.`;
			}
		case 'network':
			if (diagnosis.reason === 'timeout') {
				return `The ${action.split(':')[0]} endpoint did not answer ${action}${timeoutLimit(error)}${attempts ? ` (${attempts} attempts)` : ''}: the connection stalled. Check your network connection or --endpoint-url, then run the grader again.`;
			}
			return `Could not reach the ${action.split(':')[0]} endpoint (${error.code ?? detail}${unresolvedHost(error) ? ` ${unresolvedHost(error)}` : ''}). Check your network connection or --endpoint-url.`;
		default:
			if (diagnosis.kind === 'other' && diagnosis.reason === 'not-an-aws-response') {
				return `The ${action.split(':')[0]} endpoint answered ${action} with HTTP ${status ?? '(no status)'} and a body that is not an AWS response, so it could not be read. An emulator (--endpoint-url) answers this way for an operation it does not implement, a proxy for a request it blocks; from AWS itself, run the grader again.`;
			}
			if (diagnosis.kind === 'other' && diagnosis.reason === 'server-error') {
				return `AWS failed ${action} with a server error (${error.name ?? 'Error'}, HTTP ${status})${attempts ? ` after ${attempts} attempts` : ''}. Run the grader again in a few minutes.`;
			}
			return `${action} failed: ${error.name ?? 'Error'}: ${error.message ?? 'unknown error'}`;
	}
}

/**
 * Turns anything a read threw into a ReadError. `fallback` names the call (and its Region) when the
 * error itself does not (for example errors from mocked clients, where no middleware ran).
 */
export function classifyReadError(thrown: unknown, fallback: CallSite): ReadError {
	if (thrown instanceof ReadFailed) return thrown.readError;
	const error: SdkLikeError =
		typeof thrown === 'object' && thrown !== null ? (thrown as SdkLikeError) : { message: String(thrown) };
	const site = error[callSiteKey] ?? fallback;
	const region = site.region ?? fallback.region;
	const diagnosis = diagnose(error, region);
	const action =
		(diagnosis.kind === 'access-denied' ? deniedActionFrom(error.message ?? '') : undefined) ??
		`${site.service}:${site.operation}`;
	return {
		kind: diagnosis.kind,
		service: site.service,
		operation: site.operation,
		action,
		message: adviceFor(diagnosis, action, error, region),
	};
}
