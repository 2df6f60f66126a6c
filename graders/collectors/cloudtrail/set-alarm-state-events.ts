import type { Event } from '@aws-sdk/client-cloudtrail';
import type { Collector } from '../../engine/types.ts';
import { cloudTrailRecord, lookupByEventName } from './lookup-by-event-name.ts';

/** One successful SetAlarmState call: which alarm was put into which state, and when. */
export interface SetAlarmStateCall {
	alarmName: string;
	/** OK, ALARM or INSUFFICIENT_DATA. */
	stateValue: string;
	/** ISO 8601: when CloudTrail says the request was made. */
	eventTime: string;
}

export interface SetAlarmStateHistory {
	/** The period looked up (ISO 8601). */
	since: string;
	until: string;
	/** True when there were more calls than the grader reads; the newest came first. */
	truncated: boolean;
	/** Oldest first. */
	calls: SetAlarmStateCall[];
}

/**
 * A state change at the very start of the window may come from a call a moment before it: the
 * lookup starts a minute earlier (far more than the seconds between a call and its history entry).
 */
const leadMs = 60_000;
/** 1,000 calls (20 pages, 10 s at the rate limit) is far beyond a learner testing notifications. */
const maxPages = 20;

/**
 * Only calls that changed something, made by someone in the account: a call that failed (it has an
 * error code) set no state, and a learner cannot act as an AWS service (`userIdentity.type`
 * `AWSService`), so such an event is no state set by hand.
 */
function toCall(event: Event): SetAlarmStateCall[] {
	const record = cloudTrailRecord<{
		userIdentity: { type?: string };
		requestParameters: { alarmName?: string; stateValue?: string };
		errorCode: string;
	}>(event);
	const { alarmName, stateValue } = record.requestParameters ?? {};
	if (record.errorCode || record.userIdentity?.type === 'AWSService') return [];
	if (!alarmName || !stateValue || !event.EventTime) return [];
	return [{ alarmName, stateValue, eventTime: event.EventTime.toISOString() }];
}

/**
 * Who put an alarm into a state by hand (`aws cloudwatch set-alarm-state`, or a console test), from
 * CloudTrail's event history. SetAlarmState accepts any `--state-reason-data`, so the alarm history
 * alone cannot tell a forged "evaluated" state from a real evaluation; the call's record can.
 * Keeps only the alarm, the state and the time: the rest of the record (reason, caller, address)
 * is not needed.
 */
export const cloudtrailSetAlarmStateEvents: Collector<SetAlarmStateHistory> = {
	id: 'cloudtrail.set-alarm-state-events',
	description: 'SetAlarmState calls recorded in CloudTrail event history in the time window (alarm states set by hand)',
	iamActions: ['cloudtrail:LookupEvents'],
	async collect({ clients, window }) {
		const start = new Date(Date.parse(window.since) - leadMs);
		const lookup = await lookupByEventName(clients, 'SetAlarmState', start, new Date(window.until), maxPages);
		return {
			since: lookup.start.toISOString(),
			until: window.until,
			truncated: lookup.truncated,
			calls: lookup.events
				.flatMap(toCall)
				.sort((a, b) => a.eventTime.localeCompare(b.eventTime) || a.alarmName.localeCompare(b.alarmName)),
		};
	},
};
