import type { Subscription } from '../../../collectors/sns/subscriptions.ts';
import type { CheckDefinition } from '../../../engine/types.ts';
import { appAlarmReads, goodAppAlarms } from '../facts/app-alarms.ts';

/** SNS reports these instead of an ARN for subscriptions that cannot deliver yet. */
const unconfirmed = new Set(['PendingConfirmation', 'Deleted', '']);

export const alarmTopicConfirmed: CheckDefinition = {
	id: 'alarm-topic-confirmed',
	reads: [...appAlarmReads, 'sns.subscriptions'],
	evaluate(view) {
		const topics = [...new Set(goodAppAlarms(view).flatMap((judgement) => judgement.topics))].sort();
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
					? `${topics.join(', ')}: ${pending} subscription(s) still wait for confirmation and none is confirmed.`
					: `${topics.join(', ')} has no subscriptions.`,
			evidence: topics,
		};
	},
};
