import type { Subscription } from '../../../collectors/sns/subscriptions.ts';
import type { CheckDefinition } from '../../../engine/types.ts';
import { confirmedSubscriptionVerdict } from '../../shared/topic-subscriptions.ts';
import { appAlarmReads, goodAppAlarms } from '../facts/app-alarms.ts';

export const alarmTopicConfirmed: CheckDefinition = {
	id: 'alarm-topic-confirmed',
	reads: [...appAlarmReads, 'sns.subscriptions'],
	evaluate(view) {
		const topics = goodAppAlarms(view).flatMap((judgement) => judgement.topics);
		return confirmedSubscriptionVerdict(topics, view.read<Subscription[]>('sns.subscriptions'));
	},
};
