import type { CheckVerdict } from '../../../engine/types.ts';

/**
 * The verdict of a Lab 4 check when no Lab 3 application stack is deployed in the Region: the game
 * day runs on that application, so there is nothing to judge. `why` says what this check needed it for.
 */
export function noAppStack(why: string): CheckVerdict {
	return {
		status: 'fail',
		message: `No deployed Lab 3 application stack (tag sre-lab=lab3 or output SreLab) in this Region: ${why}. Deploy it as in Lab 3, step 1.`,
		evidence: [],
	};
}
