import { FisClient, GetActionCommand } from '@aws-sdk/client-fis';
import { unresolvedHost } from '../../engine/errors.ts';
import type { Collector } from '../../engine/types.ts';

/** The FIS action Lab 4's experiment uses (labs/lab4/solution/experiment.yaml). */
export const lab4FisActionId = 'aws:lambda:invocation-add-delay';

export type FisLambdaAction =
	| { offered: true; actionId: string }
	/** FIS answered but does not know the action here: ResourceNotFoundException (GetAction, HTTP 404). */
	| { offered: false; why: 'no-action'; actionId: string }
	/** FIS has no endpoint in the Region: its host name does not resolve, although STS answered. */
	| { offered: false; why: 'no-endpoint'; host: string };

const isNotFound = (error: unknown) =>
	typeof error === 'object' && error !== null && (error as { name?: string }).name === 'ResourceNotFoundException';

/**
 * Whether AWS FIS, and its Lambda delay action, can be used in the Region, without creating anything:
 * fis:GetAction on the lab's action. It needs the identity read so that a host name that does not resolve
 * means "no FIS endpoint here" (STS answered over the same network), not "no network".
 */
export const fisLambdaAction: Collector<FisLambdaAction> = {
	id: 'fis.lab4-action',
	description: 'Whether AWS FIS offers the Lambda invocation-delay action in the Region',
	iamActions: ['fis:GetAction'],
	needs: ['sts.caller-identity'],
	async collect({ clients, need }) {
		need('sts.caller-identity');
		try {
			const { action } = await clients.get(FisClient).send(new GetActionCommand({ id: lab4FisActionId }));
			return { offered: true, actionId: action?.id ?? lab4FisActionId };
		} catch (error) {
			if (isNotFound(error)) return { offered: false, why: 'no-action', actionId: lab4FisActionId };
			const host = typeof error === 'object' && error !== null ? unresolvedHost(error) : undefined;
			if (host) return { offered: false, why: 'no-endpoint', host };
			throw error;
		}
	},
};
