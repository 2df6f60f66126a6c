import { classifyReadError } from '../engine/errors.ts';

/**
 * Whose side an AssumeRole failure is on. Only an answer from STS about the learner's role (denied:
 * no such role, a trust policy that does not name us, an ExternalId that does not match) says
 * anything about the learner's account. The instructor's own credentials failing, the network or
 * endpoint failing, throttling that outlasted the retries and STS's own server errors say nothing
 * about it: those accounts are left ungraded for `grade --resume`.
 */
export type AssumeRoleBlame =
	/** The learner's account: record the account as `error` (`assume-role`), as before. */
	| { side: 'learner-role' }
	/** The instructor's own credentials are missing, expired or rejected: every account would fail; stop. */
	| { side: 'instructor-credentials'; message: string }
	/** Trouble between the instructor and STS; this account is left for `--resume`. */
	| { side: 'instructor-transient'; kind: 'network' | 'throttled' | 'service'; message: string };

interface SdkLike {
	message?: string;
	$metadata?: { httpStatusCode?: number };
}

export function blameAssumeRoleError(error: unknown, stsRegion: string): AssumeRoleBlame {
	const read = classifyReadError(error, { service: 'sts', operation: 'AssumeRole', region: stsRegion });
	switch (read.kind) {
		case 'credentials':
			return { side: 'instructor-credentials', message: read.message };
		case 'network':
		case 'throttled':
			return { side: 'instructor-transient', kind: read.kind, message: read.message };
		case 'not-implemented':
			// An endpoint that has no STS (a wrong --endpoint-url) is the instructor's setting.
			return { side: 'instructor-transient', kind: 'service', message: read.message };
		case 'other': {
			const sdk = (typeof error === 'object' && error !== null ? error : {}) as SdkLike;
			const status = sdk.$metadata?.httpStatusCode;
			const notAws = /Deserialization error/.test(sdk.message ?? '');
			if (notAws || (status !== undefined && status >= 500))
				return { side: 'instructor-transient', kind: 'service', message: read.message };
			return { side: 'learner-role' };
		}
		default:
			// access-denied (role missing, trust, ExternalId) and region (STS not enabled for that account).
			return { side: 'learner-role' };
	}
}
