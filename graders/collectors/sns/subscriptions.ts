import { paginateListSubscriptions, SNSClient } from '@aws-sdk/client-sns';
import type { Collector } from '../../engine/types.ts';

export interface Subscription {
	/** `PendingConfirmation` until the endpoint confirms, then the subscription's ARN. */
	subscriptionArn: string;
	topicArn: string;
	protocol: string;
}

/** Endpoints (email addresses, phone numbers) are left out on purpose: snapshots are kept as evidence. */
export const snsSubscriptions: Collector<Subscription[]> = {
	id: 'sns.subscriptions',
	description: 'SNS subscriptions and whether they are confirmed',
	iamActions: ['sns:ListSubscriptions'],
	async collect({ clients }) {
		const subscriptions: Subscription[] = [];
		for await (const page of paginateListSubscriptions({ client: clients.get(SNSClient) }, {})) {
			for (const subscription of page.Subscriptions ?? []) {
				subscriptions.push({
					subscriptionArn: subscription.SubscriptionArn ?? '',
					topicArn: subscription.TopicArn ?? '',
					protocol: subscription.Protocol ?? '',
				});
			}
		}
		return subscriptions;
	},
};
