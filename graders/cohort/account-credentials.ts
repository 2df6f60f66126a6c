import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { type HttpTimeouts, requestHandlerOptions } from '../engine/http-timeouts.ts';
import { AssumeRoleFailed, InstructorSideError } from './account-errors.ts';
import { blameAssumeRoleError } from './assume-role-errors.ts';
import { accountOfRoleArn } from './aws-identifiers.ts';
import { stsRegionFor } from './sts-region.ts';

/** The session name learners see in CloudTrail, so they know which tool read their account. */
export const graderSessionPrefix = 'sre-lab-grader';

export interface AccountCredentialsOptions {
	roleArn: string;
	externalId: string;
	region: string;
	/** Added to the session name, e.g. the learner id, so CloudTrail tells gradings apart. */
	sessionSuffix?: string;
	/** The instructor's own credentials; the SDK's default chain when omitted. Share one across accounts. */
	masterCredentials?: AwsCredentialIdentityProvider;
	durationSeconds?: number;
	/** STS endpoint override (emulators). */
	endpoint?: string;
	/** Connection and request timeouts of the AssumeRole call; defaultHttpTimeouts unless given. */
	timeouts?: HttpTimeouts;
	/** Extra configuration for the STS client that assumes the role, e.g. a proxy-aware request handler. */
	stsClientConfig?: Record<string, unknown>;
}

/** Role session names allow 2–64 characters of letters, digits and +=,.@- . */
export function roleSessionName(suffix?: string): string {
	const cleaned = (suffix ?? '').replace(/[^\w+=,.@-]/g, '-');
	return (cleaned ? `${graderSessionPrefix}-${cleaned}` : graderSessionPrefix).slice(0, 64);
}

/**
 * One credentials provider per learner account, shared by all that account's SDK clients: the role is
 * assumed once, the temporary credentials reused until five minutes before they expire, and callers
 * arriving while AssumeRole is in flight wait for that same call.
 */
export function createAccountCredentials(options: AccountCredentialsOptions): AwsCredentialIdentityProvider {
	const assume = fromTemporaryCredentials({
		params: {
			RoleArn: options.roleArn,
			ExternalId: options.externalId,
			RoleSessionName: roleSessionName(options.sessionSuffix),
			DurationSeconds: options.durationSeconds ?? 3600,
		},
		masterCredentials: options.masterCredentials,
		clientConfig: {
			// The instructor's credentials call STS: a Region the instructor's account has on (see stsRegionFor).
			region: stsRegionFor(options.region),
			...(options.endpoint ? { endpoint: options.endpoint } : {}),
			// A stalled STS connection would otherwise hold the account until the cohort's time limit.
			requestHandler: requestHandlerOptions(options.timeouts),
			...options.stsClientConfig,
		},
	});
	// The session is renewed from the instructor's credentials while the account is being read, so
	// a failure then is told apart: the role was assumed a moment ago, only the renewal failed.
	let assumedOnce = false;
	return memoizeCredentials(async () => {
		try {
			const credentials = await assume();
			assumedOnce = true;
			return credentials;
		} catch (error) {
			// Only STS's answer about the role is the learner's side; the rest is left for --resume.
			const blame = blameAssumeRoleError(error, stsRegionFor(options.region));
			if (blame.side === 'learner-role') throw new AssumeRoleFailed(options.roleArn, error);
			if (blame.side === 'instructor-credentials') {
				const when = assumedOnce
					? ` while renewing the grader role session in account ${accountOf(options.roleArn)}`
					: '';
				throw new InstructorSideError('credentials', `your own AWS credentials failed${when}: ${blame.message}`, error);
			}
			throw new InstructorSideError(blame.kind, `cannot assume ${options.roleArn}: ${blame.message}`, error);
		}
	});
}

function accountOf(roleArn: string): string {
	return accountOfRoleArn(roleArn) ?? roleArn;
}

const refreshMarginMs = 5 * 60 * 1000;

export function memoizeCredentials(
	provider: () => Promise<AwsCredentialIdentity>,
	now: () => number = Date.now,
): AwsCredentialIdentityProvider {
	let pending: Promise<AwsCredentialIdentity> | undefined;
	let current: AwsCredentialIdentity | undefined;
	return async () => {
		const expiresAt = current?.expiration?.getTime() ?? Number.POSITIVE_INFINITY;
		if (current && expiresAt - refreshMarginMs > now()) return current;
		// Everyone asking while a call is in flight shares its outcome, failure included; a failure is
		// not kept for later callers, since the role may have been fixed in the meantime.
		if (!pending) {
			pending = provider().then(
				(credentials) => {
					current = credentials;
					pending = undefined;
					return credentials;
				},
				(error: unknown) => {
					pending = undefined;
					throw error;
				},
			);
		}
		return pending;
	};
}
