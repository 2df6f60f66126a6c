import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../../../graders/collectors/sns/subscriptions.ts';
import { accessDenied, editRead, failRead, gradeCheck, loadFixture } from '../../support/snapshot-edit.ts';

const id = 'topic-has-confirmed-subscription';
const topic = 'arn:aws:sns:eu-west-1:123456789012:sre-lab1-alerts';

describe(id, () => {
	it('passes when the alarm topic has a confirmed subscription', () => {
		const result = gradeCheck(loadFixture('passing'), id);
		expect(result.status).toBe('pass');
		expect(result.message).toBe(`${topic} has a confirmed email subscription.`);
	});

	it('fails while the subscription waits for confirmation', () => {
		const snapshot = editRead<Subscription[]>(loadFixture('passing'), 'sns.subscriptions', (subscriptions) =>
			subscriptions.map((subscription) => ({ ...subscription, subscriptionArn: 'PendingConfirmation' })),
		);
		expect(gradeCheck(snapshot, id).message).toBe(
			`${topic}: 1 subscription(s) still wait for confirmation and none is confirmed.`,
		);
	});

	it('fails when only another topic has subscriptions', () => {
		const snapshot = editRead<Subscription[]>(loadFixture('passing'), 'sns.subscriptions', (subscriptions) =>
			subscriptions.map((subscription) => ({ ...subscription, topicArn: `${topic}-other` })),
		);
		expect(gradeCheck(snapshot, id).message).toBe(`${topic} has no subscriptions.`);
	});

	it('is an error when ListSubscriptions is denied', () => {
		expect(
			gradeCheck(failRead(loadFixture('passing'), 'sns.subscriptions', accessDenied('sns:ListSubscriptions')), id)
				.status,
		).toBe('error');
	});
});
