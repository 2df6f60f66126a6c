import { ListSubscriptionsByTopicCommand, ListTopicsCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { AwsStub } from 'aws-sdk-client-mock';

export interface SimulatedSubscription {
	/** The subscription ARN, or `PendingConfirmation` / `Deleted` as SNS reports them. */
	arn: string;
	topic: string;
	protocol: string;
}

/**
 * Answers ListTopics and ListSubscriptionsByTopic in the SNS API reference's shapes
 * ({ Topics: [{ TopicArn }], NextToken } and { Subscriptions: [{ SubscriptionArn, Owner, Protocol,
 * Endpoint, TopicArn }], NextToken }), paging `pageSize` items at a time. A topic not in `topics`
 * answers NotFound, as SNS does for a deleted topic.
 */
export function answerSnsTopics(
	// biome-ignore lint/suspicious/noExplicitAny: aws-sdk-client-mock's stub type for any client
	sns: AwsStub<any, any, SNSClient['config']>,
	account: { accountId: string; topics: readonly string[]; subscriptions: readonly SimulatedSubscription[] },
	pageSize: number,
	/** Answers through this, e.g. to add simulated latency. */
	delay: (fn: () => unknown) => Promise<unknown> = async (fn) => fn(),
): void {
	const page = <T>(items: readonly T[], token: string | undefined) => {
		const start = token ? Number(token) : 0;
		const end = start + pageSize;
		return { items: items.slice(start, end), next: end < items.length ? String(end) : undefined };
	};
	sns.on(ListTopicsCommand).callsFake((input: { NextToken?: string }) =>
		delay(() => {
			const { items, next } = page(account.topics, input.NextToken);
			return { Topics: items.map((TopicArn) => ({ TopicArn })), NextToken: next };
		}),
	);
	sns.on(ListSubscriptionsByTopicCommand).callsFake((input: { TopicArn: string; NextToken?: string }) =>
		delay(() => {
			if (!account.topics.includes(input.TopicArn)) {
				throw Object.assign(new Error('Topic does not exist'), {
					name: 'NotFoundException',
					$metadata: { httpStatusCode: 404 },
				});
			}
			const ofTopic = account.subscriptions.filter((subscription) => subscription.topic === input.TopicArn);
			const { items, next } = page(ofTopic, input.NextToken);
			return {
				Subscriptions: items.map((subscription) => ({
					SubscriptionArn: subscription.arn,
					Owner: account.accountId,
					Protocol: subscription.protocol,
					Endpoint: 'learner@example.com',
					TopicArn: subscription.topic,
				})),
				NextToken: next,
			};
		}),
	);
}
