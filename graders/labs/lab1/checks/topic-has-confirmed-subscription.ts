import type { Subscription } from '../../../collectors/sns/topic-subscriptions.ts';
import type { CheckDefinition, PerResource } from '../../../engine/types.ts';
import { confirmedSubscriptionVerdict, topicSubscriptionsRead } from '../../shared/topic-subscriptions.ts';
import { judgeErrorAlarms } from '../facts/slo-alarms.ts';
import { alarmReads, countingAlarms } from './slo-alarm-notifies.ts';

export const topicHasConfirmedSubscription: CheckDefinition = {
	id: 'topic-has-confirmed-subscription',
	reads: [...alarmReads, topicSubscriptionsRead],
	evaluate(view) {
		// Only the topics of alarms that fully count (a composite's, not its members'): a confirmed
		// subscription on a broken alarm pages no one.
		const topics = countingAlarms(judgeErrorAlarms(view)).flatMap((judgement) => judgement.topics);
		return confirmedSubscriptionVerdict(
			topics,
			view.read<PerResource<Subscription[]>>(topicSubscriptionsRead),
			view.accountId,
		);
	},
};
