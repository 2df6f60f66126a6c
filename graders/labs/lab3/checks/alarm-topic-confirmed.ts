import type { Subscription } from '../../../collectors/sns/topic-subscriptions.ts';
import type { CheckDefinition, PerResource } from '../../../engine/types.ts';
import { confirmedSubscriptionVerdict, topicSubscriptionsRead } from '../../shared/topic-subscriptions.ts';
import { appAlarmReads, goodAppAlarms } from '../facts/app-alarms.ts';

export const alarmTopicConfirmed: CheckDefinition = {
	id: 'alarm-topic-confirmed',
	reads: [...appAlarmReads, topicSubscriptionsRead],
	evaluate(view) {
		const topics = goodAppAlarms(view).flatMap((judgement) => judgement.topics);
		return confirmedSubscriptionVerdict(
			topics,
			view.read<PerResource<Subscription[]>>(topicSubscriptionsRead),
			view.accountId,
		);
	},
};
