import type { Subscription } from '../../collectors/sns/topic-subscriptions.ts';
import { ReadFailed } from '../../engine/errors.ts';
import type { CheckVerdict, PerResource, ReadError } from '../../engine/types.ts';

/** SNS reports these instead of an ARN for subscriptions that cannot deliver (yet). */
const unconfirmed = new Set(['PendingConfirmation', 'Deleted', '']);

export const topicSubscriptionsRead = 'sns.topic-subscriptions';

/** arn:aws:sns:<region>:<account>:<name> → account */
const accountOf = (topicArn: string) => topicArn.split(':')[4] ?? '';

/**
 * Whether any of the topics an alarm notifies has a confirmed subscription: an alarm that notifies
 * a topic nobody receives pages no one. Which topics count is each lab's question; this answers the
 * rest. A topic whose subscriptions could not be read (denied, throttled, another account's topic)
 * might be the one with the confirmed subscription, so without a confirmed one elsewhere it makes
 * the verdict an error, never a failure.
 */
export function confirmedSubscriptionVerdict(
	alarmTopics: readonly string[],
	subscriptionsByTopic: PerResource<Subscription[]>,
	accountId: string | null,
): CheckVerdict {
	const topics = [...new Set(alarmTopics)].sort();
	const read: Subscription[] = [];
	const missing: string[] = [];
	let unreadable: ReadError | undefined;
	for (const topic of topics) {
		const outcome = subscriptionsByTopic[topic];
		if (outcome?.ok) read.push(...outcome.data);
		else if (outcome) unreadable ??= outcome.error;
		else if (accountId && accountOf(topic) !== accountId) {
			unreadable ??= {
				kind: 'other',
				service: 'sns',
				operation: 'ListSubscriptionsByTopic',
				message: `${topic} belongs to another account (${accountOf(topic)}), so the grader cannot list its subscriptions. Notify a topic in this account, or check that topic's subscriptions yourself.`,
			};
		} else missing.push(topic);
	}
	const confirmed = read.find((subscription) => !unconfirmed.has(subscription.subscriptionArn));
	if (confirmed) {
		return {
			status: 'pass',
			message: `${confirmed.topicArn} has a confirmed ${confirmed.protocol} subscription.`,
			evidence: [confirmed.topicArn, confirmed.subscriptionArn],
		};
	}
	if (unreadable) throw new ReadFailed(unreadable);
	const pending = read.filter((subscription) => subscription.subscriptionArn === 'PendingConfirmation').length;
	const existing = topics.filter((topic) => !missing.includes(topic));
	const parts = [
		pending > 0
			? `${existing.join(', ')}: ${pending} subscription(s) still wait for confirmation and none is confirmed.`
			: existing.length > 0
				? `${existing.join(', ')} has no ${read.length > 0 ? 'confirmed ' : ''}subscriptions.`
				: '',
		missing.length > 0
			? `${missing.join(', ')} does not exist in this Region: point the alarm at an existing topic.`
			: '',
	];
	return {
		status: 'fail',
		message: parts.filter((part) => part !== '').join(' '),
		evidence: topics,
	};
}
