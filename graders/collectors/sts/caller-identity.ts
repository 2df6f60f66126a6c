import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { Collector } from '../../engine/types.ts';

export interface CallerIdentity {
	account: string | null;
	arn: string | null;
}

/** Who is being graded. Needs no IAM permission, so a failure here means credentials or network. */
export const callerIdentity: Collector<CallerIdentity> = {
	id: 'sts.caller-identity',
	description: 'The account and identity the grader runs as',
	iamActions: ['sts:GetCallerIdentity'],
	async collect({ clients }) {
		const identity = await clients.get(STSClient).send(new GetCallerIdentityCommand({}));
		return { account: identity.Account ?? null, arn: identity.Arn ?? null };
	},
};
