import type { CallerIdentity } from '../../collectors/sts/caller-identity.ts';
import { dataOf, errorOf, type Finding, type Reads } from '../finding.ts';
import { principalOf } from '../principal.ts';

const title = 'Credentials and account';

/** Who the labs will run as. Missing or expired credentials are the learner's to fix: `fail`. */
export function credentialsFinding(reads: Reads): Finding {
	const outcome = reads['sts.caller-identity'];
	const error = errorOf(outcome);
	if (error) {
		return {
			id: 'credentials',
			title,
			status: error.kind === 'credentials' ? 'fail' : 'error',
			message: error.message,
		};
	}
	const identity = dataOf<CallerIdentity>(outcome);
	if (!identity) return { id: 'credentials', title, status: 'error', message: 'The caller identity was not read.' };
	const account = identity.account ?? 'unknown';
	if (principalOf(identity.arn ?? '').kind === 'root') {
		return {
			id: 'credentials',
			title,
			status: 'warn',
			message: `Signed in to account ${account} as its root user. Nothing can limit the root user, so one mistyped command can do anything, up to closing the account.`,
			fix: 'Sign in as your everyday identity instead (step 2 of "Prepare your AWS sandbox") and keep the root user for the few tasks that need it.',
		};
	}
	return { id: 'credentials', title, status: 'pass', message: `Account ${account} as ${identity.arn ?? 'unknown'}.` };
}
