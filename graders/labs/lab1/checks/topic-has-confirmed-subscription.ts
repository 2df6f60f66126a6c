import type { Subscription } from '../../../collectors/sns/subscriptions.ts';
import type { CheckDefinition } from '../../../engine/types.ts';
import { judgeErrorAlarms } from '../facts/slo-alarms.ts';
import { alarmReads } from './slo-alarm-notifies.ts';

/** SNS reports these instead of an ARN for subscriptions that cannot deliver yet. */
const unconfirmed = new Set(['PendingConfirmation', 'Deleted', '']);

export const topicHasConfirmedSubscription: CheckDefinition = {
	id: 'topic-has-confirmed-subscription',
	reads: [...alarmReads, 'sns.subscriptions'],
	evaluate(view) {
		const topics = [
			...new Set(
				judgeErrorAlarms(view)
					.judged.filter((judgement) => judgement.problems.length === 0)
					.flatMap((judgement) => judgement.topics),
			),
		];
		const subscriptions = view.read<Subscription[]>('sns.subscriptions').filter((s) => topics.includes(s.topicArn));
		const confirmed = subscriptions.find((subscription) => !unconfirmed.has(subscription.subscriptionArn));
		if (confirmed) {
			return {
				status: 'pass',
				message: `${confirmed.topicArn} has a confirmed ${confirmed.protocol} subscription.`,
				evidence: [confirmed.topicArn, confirmed.subscriptionArn],
			};
		}
		const pending = subscriptions.filter(
			(subscription) => subscription.subscriptionArn === 'PendingConfirmation',
		).length;
		return {
			status: 'fail',
			message:
				pending > 0
					? `${topics.join(', ')} has ${pending} subscription(s) still waiting for confirmation and none confirmed.`
					: `${topics.join(', ')} has no subscriptions.`,
			evidence: topics,
		};
	},
};
