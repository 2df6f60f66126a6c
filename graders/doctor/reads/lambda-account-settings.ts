import { GetAccountSettingsCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { Collector } from '../../engine/types.ts';

export interface LambdaConcurrency {
	/** The Region's concurrency quota for the account (AccountLimit.ConcurrentExecutions). */
	concurrentExecutions: number | null;
	/** What functions without reserved concurrency share, the Lab 3 functions included. */
	unreservedConcurrentExecutions: number | null;
}

/** The account's Lambda concurrency in the Region; new accounts start with a reduced quota. */
export const lambdaAccountSettings: Collector<LambdaConcurrency> = {
	id: 'lambda.account-settings',
	description: "The account's Lambda concurrency quota in the Region",
	iamActions: ['lambda:GetAccountSettings'],
	async collect({ clients }) {
		const response = await clients.get(LambdaClient).send(new GetAccountSettingsCommand({}));
		return {
			concurrentExecutions: response.AccountLimit?.ConcurrentExecutions ?? null,
			unreservedConcurrentExecutions: response.AccountLimit?.UnreservedConcurrentExecutions ?? null,
		};
	},
};
