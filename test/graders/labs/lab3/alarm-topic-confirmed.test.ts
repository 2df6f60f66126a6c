import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../../../graders/collectors/sns/topic-subscriptions.ts';
import type { PerResource } from '../../../../graders/engine/types.ts';
import { app } from './support/lab3-account.ts';
import { accessDenied, editRead, failRead, gradeCheck, loadFixture } from './support/snapshot-edit.ts';

const id = 'alarm-topic-confirmed';
const withSubscriptions = (subscriptions: Subscription[]) =>
	editRead<PerResource<Subscription[]>>(loadFixture('passing'), 'sns.topic-subscriptions', (byTopic) =>
		Object.fromEntries(
			Object.keys(byTopic).map((topic) => [
				topic,
				{ ok: true, data: subscriptions.filter((subscription) => subscription.topicArn === topic) },
			]),
		),
	);

describe(id, () => {
	it("passes when the alarms' topic has a confirmed subscription", () => {
		expect(gradeCheck(loadFixture('passing'), id)).toMatchObject({
			status: 'pass',
			message: `${app.topicArn} has a confirmed email subscription.`,
		});
	});

	it('fails while the subscription waits for confirmation', () => {
		const result = gradeCheck(
			withSubscriptions([{ subscriptionArn: 'PendingConfirmation', topicArn: app.topicArn, protocol: 'email' }]),
			id,
		);
		expect(result).toMatchObject({
			status: 'fail',
			message: `${app.topicArn}: 1 subscription(s) still wait for confirmation and none is confirmed.`,
		});
	});

	it("fails when only another topic's subscription is confirmed", () => {
		const other = 'arn:aws:sns:eu-west-1:123456789012:sre-lab1-alerts';
		const result = gradeCheck(
			withSubscriptions([{ subscriptionArn: `${other}:1111`, topicArn: other, protocol: 'email' }]),
			id,
		);
		expect(result).toMatchObject({ status: 'fail', message: `${app.topicArn} has no subscriptions.` });
	});

	it('is an error when subscriptions could not be listed', () => {
		const result = gradeCheck(
			failRead(loadFixture('passing'), 'sns.topic-subscriptions', accessDenied('sns:ListTopics')),
			id,
		);
		expect(result).toMatchObject({ status: 'error', message: expect.stringContaining('sns:ListTopics') });
	});

	it('is skipped until both alarms notify a topic', () => {
		expect(gradeCheck(loadFixture('failing'), id)).toMatchObject({
			status: 'skipped',
			message: expect.stringContaining('step 5'),
		});
	});
});
