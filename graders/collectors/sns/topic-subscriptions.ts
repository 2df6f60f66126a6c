import { paginateListSubscriptionsByTopic, paginateListTopics, SNSClient } from '@aws-sdk/client-sns';
import type { Collector, PerResource } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';

export interface Subscription {
	/**
	 * The subscription's ARN once the endpoint confirmed it; `PendingConfirmation` until then, and
	 * `Deleted` for one being removed.
	 */
	subscriptionArn: string;
	topicArn: string;
	protocol: string;
}

/**
 * The subscriptions of every SNS topic in the Region, keyed by topic ARN. ListSubscriptionsByTopic
 * returns every subscription to a topic; ListSubscriptions returns only the requester's own, so a
 * subscription another principal made (a console user, a stack) could be missed. Endpoints (email
 * addresses, phone numbers) are left out on purpose: snapshots are kept as evidence.
 */
export const snsTopicSubscriptions: Collector<PerResource<Subscription[]>> = {
	id: 'sns.topic-subscriptions',
	description: 'SNS topics and their subscriptions, confirmed or pending',
	iamActions: ['sns:ListTopics', 'sns:ListSubscriptionsByTopic'],
	async collect({ clients }) {
		const sns = clients.get(SNSClient);
		const topicArns: string[] = [];
		for await (const page of paginateListTopics({ client: sns }, {})) {
			for (const topic of page.Topics ?? []) if (topic.TopicArn) topicArns.push(topic.TopicArn);
		}
		return fanOut(
			topicArns,
			async (TopicArn) => {
				const subscriptions: Subscription[] = [];
				for await (const page of paginateListSubscriptionsByTopic({ client: sns }, { TopicArn })) {
					for (const subscription of page.Subscriptions ?? []) {
						subscriptions.push({
							subscriptionArn: subscription.SubscriptionArn ?? '',
							topicArn: subscription.TopicArn ?? TopicArn,
							protocol: subscription.Protocol ?? '',
						});
					}
				}
				return subscriptions;
			},
			{ service: 'sns', operation: 'ListSubscriptionsByTopic' },
		);
	},
};
