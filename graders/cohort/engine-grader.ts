import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { createClientProvider } from '../engine/clients.ts';
import { collectSnapshot } from '../engine/collect.ts';
import { windowEndingAt } from '../engine/duration.ts';
import { evaluateLab } from '../engine/evaluate.ts';
import { collectorsForLabs } from '../labs/index.ts';
import { createAccountCredentials } from './account-credentials.ts';
import type { GradeAccount } from './account-outcome.ts';
import { latchCredentialsFailure } from './latched-credentials.ts';
import type { RosterEntry } from './roster.ts';

export interface EngineGraderOptions {
	labs: readonly string[];
	/** Time-based checks look this far back from the moment each account is collected. */
	windowMs: number;
	/** The instructor's credentials that assume each grader role; the SDK default chain when omitted. */
	masterCredentials?: AwsCredentialIdentityProvider;
	endpointUrl?: string;
	/** Extra SDK client configuration (tests pass a request handler). */
	clientConfig?: Record<string, unknown>;
	/** Extra configuration of the STS client that assumes each grader role (tests pass a request handler). */
	stsClientConfig?: Record<string, unknown>;
	/** How to obtain an account's credentials; assuming its grader role unless replaced (tests, benchmark). */
	credentialsFor?: (target: RosterEntry) => AwsCredentialIdentityProvider;
	now?: () => Date;
}

/**
 * The production per-account grader: assume the account's grader role, collect the union of the
 * labs' reads once, evaluate each lab from that one snapshot.
 */
export function createEngineGrader(options: EngineGraderOptions): GradeAccount {
	const collectors = collectorsForLabs(options.labs);
	const now = options.now ?? (() => new Date());
	const credentialsFor =
		options.credentialsFor ??
		((target: RosterEntry) =>
			createAccountCredentials({
				roleArn: target.roleArn,
				externalId: target.externalId,
				region: target.region,
				sessionSuffix: target.learnerId,
				masterCredentials: options.masterCredentials,
				endpoint: options.endpointUrl,
				stsClientConfig: options.stsClientConfig,
			}));

	return async (target, signal) => {
		const session = latchCredentialsFailure(credentialsFor(target));
		const { credentials } = session;
		// Assume the role before any read: a role that is missing or distrusts us is one clear
		// account error, rather than every read of the snapshot failing with the same message.
		await credentials();
		signal.throwIfAborted();
		const clients = createClientProvider({
			region: target.region,
			reads: collectors,
			credentials,
			endpointUrl: options.endpointUrl,
			clientConfig: options.clientConfig,
		});
		// Closing the clients' sockets is how a timed-out account stops its calls in flight.
		const stop = () => clients.destroy();
		signal.addEventListener('abort', stop, { once: true });
		try {
			const snapshot = await collectSnapshot({
				collectors,
				clients,
				region: target.region,
				window: windowEndingAt(now(), options.windowMs),
				now,
			});
			// The session could not be renewed while the account was read (the instructor's own
			// credentials expired, most often): its reads say nothing about the learner, so the account
			// ends as if its role had failed at the start, and an instructor-side failure is left for
			// `--resume` instead of being recorded as an account read with errors.
			session.throwIfFailed();
			signal.throwIfAborted();
			if (snapshot.accountId !== null && snapshot.accountId !== target.accountId) {
				throw new Error(
					`the grader role answered from account ${snapshot.accountId}, but the roster gives ${target.accountId} for ${target.learnerId}`,
				);
			}
			const results = options.labs.map((lab) => evaluateLab(lab, snapshot, { now }));
			return { snapshot, results };
		} finally {
			signal.removeEventListener('abort', stop);
			clients.destroy();
		}
	};
}
