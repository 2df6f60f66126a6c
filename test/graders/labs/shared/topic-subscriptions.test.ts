import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../../../graders/collectors/sns/topic-subscriptions.ts';
import { ReadFailed } from '../../../../graders/engine/errors.ts';
import type { PerResource } from '../../../../graders/engine/types.ts';
import { confirmedSubscriptionVerdict } from '../../../../graders/labs/shared/topic-subscriptions.ts';
import { accessDenied } from '../../support/snapshot-edit.ts';

const account = '123456789012';
const alerts = `arn:aws:sns:eu-west-1:${account}:alerts`;
const pager = `arn:aws:sns:eu-west-1:${account}:pager`;
const subscription = (topicArn: string, subscriptionArn: string): Subscription => ({
	topicArn,
	subscriptionArn,
	protocol: 'email',
});
const verdict = (topics: string[], byTopic: PerResource<Subscription[]>) =>
	confirmedSubscriptionVerdict(topics, byTopic, account);

describe('confirmedSubscriptionVerdict', () => {
	it('does not count PendingConfirmation or Deleted as confirmed', () => {
		const result = verdict([alerts], {
			[alerts]: { ok: true, data: [subscription(alerts, 'PendingConfirmation'), subscription(alerts, 'Deleted')] },
		});
		expect(result).toMatchObject({
			status: 'fail',
			message: `${alerts}: 1 subscription(s) still wait for confirmation and none is confirmed.`,
		});
	});

	it('passes on a confirmed subscription even when another alarm topic could not be read', () => {
		const result = verdict([alerts, pager], {
			[alerts]: { ok: false, error: accessDenied('sns:ListSubscriptionsByTopic') },
			[pager]: { ok: true, data: [subscription(pager, `${pager}:1234`)] },
		});
		expect(result.status).toBe('pass');
	});

	it('is an error, not a failure, when the topic that might hold the confirmation could not be read', () => {
		expect(() =>
			verdict([alerts, pager], {
				[alerts]: { ok: false, error: accessDenied('sns:ListSubscriptionsByTopic') },
				[pager]: { ok: true, data: [] },
			}),
		).toThrow(ReadFailed);
	});

	it("is an error for another account's topic, which the grader cannot list", () => {
		const foreign = 'arn:aws:sns:eu-west-1:210987654321:central-alerts';
		expect(() => verdict([foreign], {})).toThrow(/belongs to another account \(210987654321\)/);
	});

	it("fails when the alarm's topic does not exist in the account", () => {
		expect(verdict([alerts], {})).toMatchObject({
			status: 'fail',
			message: `${alerts} does not exist in this Region: point the alarm at an existing topic.`,
		});
	});
});
