import { describe, expect, it } from 'vitest';
import { recordCompositeAlarm } from '../../../../graders/collectors/cloudwatch/composite-alarms.ts';
import type { MetricAlarm } from '../../../../graders/collectors/cloudwatch/metric-alarms.ts';
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

	it('takes the topic of a composite alarm that counts when its member notifies no one', () => {
		const members = editRead<MetricAlarm[]>(loadFixture('passing'), 'cloudwatch.metric-alarms', (alarms) =>
			alarms.map((alarm) => ({ ...alarm, alarmActions: [] })),
		);
		const alarmName = 'lab1-availability-below-slo';
		const withComposite = editRead(members, 'cloudwatch.composite-alarms', () => [
			recordCompositeAlarm({
				AlarmName: 'lab1-page',
				AlarmArn: 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:lab1-page',
				AlarmRule: `ALARM("${alarmName}")`,
				ActionsEnabled: true,
				AlarmActions: [topic],
				StateValue: 'OK',
			}),
		]);
		expect(gradeCheck(withComposite, id)).toMatchObject({ status: 'pass' });
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
