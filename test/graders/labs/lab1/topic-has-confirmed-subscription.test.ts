import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../../../graders/collectors/sns/topic-subscriptions.ts';
import type { PerResource } from '../../../../graders/engine/types.ts';
import { accessDenied, editRead, failRead, gradeCheck, loadFixture } from '../../support/snapshot-edit.ts';

const id = 'topic-has-confirmed-subscription';
const topic = 'arn:aws:sns:eu-west-1:123456789012:sre-lab1-alerts';
const read = 'sns.topic-subscriptions';
const editSubscriptions = (edit: (subscriptions: Subscription[]) => Subscription[]) =>
	editRead<PerResource<Subscription[]>>(loadFixture('passing'), read, (byTopic) => {
		const outcome = byTopic[topic];
		if (outcome?.ok) outcome.data = edit(outcome.data);
	});

describe(id, () => {
	it('passes when the alarm topic has a confirmed subscription', () => {
		const result = gradeCheck(loadFixture('passing'), id);
		expect(result.status).toBe('pass');
		expect(result.message).toBe(`${topic} has a confirmed email subscription.`);
	});

	it('fails while the subscription waits for confirmation', () => {
		const snapshot = editSubscriptions((subscriptions) =>
			subscriptions.map((subscription) => ({ ...subscription, subscriptionArn: 'PendingConfirmation' })),
		);
		expect(gradeCheck(snapshot, id).message).toBe(
			`${topic}: 1 subscription(s) still wait for confirmation and none is confirmed.`,
		);
	});

	it('fails when the alarm topic has no subscriptions', () => {
		expect(
			gradeCheck(
				editSubscriptions(() => []),
				id,
			).message,
		).toBe(`${topic} has no subscriptions.`);
	});

	it("is an error when the topic's subscriptions could not be listed", () => {
		const snapshot = editRead<PerResource<Subscription[]>>(loadFixture('passing'), read, (byTopic) => {
			byTopic[topic] = { ok: false, error: accessDenied('sns:ListSubscriptionsByTopic') };
		});
		expect(gradeCheck(snapshot, id)).toMatchObject({
			status: 'error',
			message: expect.stringContaining('sns:ListSubscriptionsByTopic'),
		});
	});

	it('is an error when the topics could not be listed', () => {
		expect(gradeCheck(failRead(loadFixture('passing'), read, accessDenied('sns:ListTopics')), id).status).toBe('error');
	});
});
