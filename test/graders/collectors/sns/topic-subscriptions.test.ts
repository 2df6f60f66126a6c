import { ListSubscriptionsByTopicCommand, ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { snsTopicSubscriptions } from '../../../../graders/collectors/sns/topic-subscriptions.ts';
import { testClientProvider } from '../../support/collect-lab1.ts';

const sns = mockClient(SNSClient);
afterEach(() => sns.reset());

const alerts = 'arn:aws:sns:eu-west-1:123456789012:sre-lab1-alerts';
const other = 'arn:aws:sns:eu-west-1:123456789012:billing';
const window = { since: '2026-11-21T12:00:00.000Z', until: '2026-11-22T12:00:00.000Z' };
const collect = async () => {
	const clients = testClientProvider();
	try {
		return await snsTopicSubscriptions.collect({
			clients,
			region: 'eu-west-1',
			window,
			need: () => undefined as never,
		});
	} finally {
		clients.destroy();
	}
};

/** Response shapes from the SNS API reference (ListTopics, ListSubscriptionsByTopic). */
describe('sns.topic-subscriptions', () => {
	it("lists every topic's subscriptions by topic, following NextToken, including pending ones", async () => {
		sns.on(ListTopicsCommand).resolves({ Topics: [{ TopicArn: alerts }], NextToken: 'page-2' });
		sns.on(ListTopicsCommand, { NextToken: 'page-2' }).resolves({ Topics: [{ TopicArn: other }] });
		sns.on(ListSubscriptionsByTopicCommand, { TopicArn: alerts }).resolves({
			Subscriptions: [
				{
					SubscriptionArn: 'PendingConfirmation',
					Owner: '123456789012',
					Protocol: 'email',
					Endpoint: 'oncall@example.com',
					TopicArn: alerts,
				},
			],
			NextToken: 'subs-2',
		});
		sns.on(ListSubscriptionsByTopicCommand, { TopicArn: alerts, NextToken: 'subs-2' }).resolves({
			Subscriptions: [
				{
					// Made by another principal (a console user): ListSubscriptions would not show it to the grader.
					SubscriptionArn: `${alerts}:0f9e8d7c-6b5a-4321-9876-abcdef012345`,
					Owner: '123456789012',
					Protocol: 'email',
					Endpoint: 'learner@example.com',
					TopicArn: alerts,
				},
			],
		});
		sns.on(ListSubscriptionsByTopicCommand, { TopicArn: other }).resolves({ Subscriptions: [] });

		expect(await collect()).toEqual({
			[other]: { ok: true, data: [] },
			[alerts]: {
				ok: true,
				data: [
					{ subscriptionArn: 'PendingConfirmation', topicArn: alerts, protocol: 'email' },
					{ subscriptionArn: `${alerts}:0f9e8d7c-6b5a-4321-9876-abcdef012345`, topicArn: alerts, protocol: 'email' },
				],
			},
		});
		expect(JSON.stringify(await collect())).not.toContain('@example.com');
	});

	it("records one topic's denied read without hiding the others", async () => {
		sns.on(ListTopicsCommand).resolves({ Topics: [{ TopicArn: alerts }, { TopicArn: other }] });
		sns.on(ListSubscriptionsByTopicCommand, { TopicArn: alerts }).resolves({ Subscriptions: [] });
		sns.on(ListSubscriptionsByTopicCommand, { TopicArn: other }).rejects(
			Object.assign(new Error('User is not authorized to perform: SNS:ListSubscriptionsByTopic'), {
				name: 'AuthorizationError',
				$metadata: { httpStatusCode: 403 },
			}),
		);
		const result = await collect();
		expect(result[alerts]).toEqual({ ok: true, data: [] });
		expect(result[other]).toMatchObject({ ok: false, error: { kind: 'access-denied' } });
	});
});
