import type { Subscription } from '../../collectors/sns/subscriptions.ts';
import type { CheckVerdict } from '../../engine/types.ts';

/** SNS reports these instead of an ARN for subscriptions that cannot deliver yet. */
const unconfirmed = new Set(['PendingConfirmation', 'Deleted', '']);

/**
 * Whether any of the topics an alarm notifies has a confirmed subscription: an alarm that notifies
 * a topic nobody receives pages no one. Which topics count is each lab's question; this answers the rest.
 */
export function confirmedSubscriptionVerdict(
	alarmTopics: readonly string[],
	subscriptions: readonly Subscription[],
): CheckVerdict {
	const topics = [...new Set(alarmTopics)].sort();
	const ofTopics = subscriptions.filter((subscription) => topics.includes(subscription.topicArn));
	const confirmed = ofTopics.find((subscription) => !unconfirmed.has(subscription.subscriptionArn));
	if (confirmed) {
		return {
			status: 'pass',
			message: `${confirmed.topicArn} has a confirmed ${confirmed.protocol} subscription.`,
			evidence: [confirmed.topicArn, confirmed.subscriptionArn],
		};
	}
	const pending = ofTopics.filter((subscription) => subscription.subscriptionArn === 'PendingConfirmation').length;
	return {
		status: 'fail',
		message:
			pending > 0
				? `${topics.join(', ')}: ${pending} subscription(s) still wait for confirmation and none is confirmed.`
				: `${topics.join(', ')} has no subscriptions.`,
		evidence: topics,
	};
}
