import type { Event } from '@aws-sdk/client-cloudtrail';

/** A call to `aws cloudwatch set-alarm-state`, as the simulated accounts record it. */
export interface SetAlarmStateCallSpec {
	alarmName: string;
	stateValue: string;
	/** When the state change it made is in the alarm history (ISO 8601). */
	changedAt: string;
	/** The `--state-reason-data` the caller passed, if any (a forged evaluation). */
	stateReasonData?: object;
}

/**
 * The LookupEvents result for one SetAlarmState call, in the shape of the CloudTrail API reference
 * (Event) with the CloudTrail record of a CloudWatch management event: `eventTime` is the request's
 * time in whole seconds, a moment before CloudWatch wrote the history entry.
 */
export function setAlarmStateEvent(
	call: SetAlarmStateCallSpec,
	index: number,
	account: { accountId: string; region: string },
): Event {
	const eventTime = new Date(Math.floor((Date.parse(call.changedAt) - 400) / 1000) * 1000);
	const eventId = `5a1e4c2b-0d3f-4e6a-9b8c-${String(index).padStart(12, '0')}`;
	return {
		EventId: eventId,
		EventName: 'SetAlarmState',
		ReadOnly: 'false',
		AccessKeyId: 'ASIAEXAMPLEKEY123456',
		EventTime: eventTime,
		EventSource: 'monitoring.amazonaws.com',
		Username: 'learner',
		Resources: [],
		CloudTrailEvent: JSON.stringify({
			eventVersion: '1.09',
			userIdentity: {
				type: 'AssumedRole',
				principalId: 'AROAEXAMPLEROLEID1234:learner',
				arn: `arn:aws:sts::${account.accountId}:assumed-role/Learner/learner`,
				accountId: account.accountId,
				sessionContext: {
					sessionIssuer: {
						type: 'Role',
						arn: `arn:aws:iam::${account.accountId}:role/Learner`,
						accountId: account.accountId,
						userName: 'Learner',
					},
				},
			},
			eventTime: eventTime.toISOString().replace('.000Z', 'Z'),
			eventSource: 'monitoring.amazonaws.com',
			eventName: 'SetAlarmState',
			awsRegion: account.region,
			sourceIPAddress: '203.0.113.10',
			userAgent: 'aws-cli/2.22.0 md/awscrt#0.23.4 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.12.6',
			requestParameters: {
				alarmName: call.alarmName,
				stateValue: call.stateValue,
				stateReason: 'testing purposes',
				...(call.stateReasonData ? { stateReasonData: JSON.stringify(call.stateReasonData) } : {}),
			},
			responseElements: null,
			requestID: `0c7d9f1e-2a3b-4c5d-8e9f-${String(index).padStart(12, '0')}`,
			eventID: eventId,
			readOnly: false,
			eventType: 'AwsApiCall',
			managementEvent: true,
			recipientAccountId: account.accountId,
			eventCategory: 'Management',
		}),
	};
}

/**
 * LookupEvents for `EventName = SetAlarmState` over the calls: those in the time range, newest
 * first, 50 to a page, as CloudTrail answers.
 */
export function lookupSetAlarmStatePage(
	calls: readonly SetAlarmStateCallSpec[],
	input: { StartTime?: Date; EndTime?: Date; NextToken?: string; MaxResults?: number },
	account: { accountId: string; region: string },
): { Events: Event[]; NextToken?: string } {
	const events = calls
		.map((call, index) => setAlarmStateEvent(call, index, account))
		.filter((event) => {
			const at = (event.EventTime as Date).getTime();
			return (!input.StartTime || at >= input.StartTime.getTime()) && (!input.EndTime || at <= input.EndTime.getTime());
		})
		.sort((a, b) => (b.EventTime as Date).getTime() - (a.EventTime as Date).getTime());
	const size = input.MaxResults ?? 50;
	const start = input.NextToken ? Number(input.NextToken) : 0;
	const next = start + size < events.length ? String(start + size) : undefined;
	return { Events: events.slice(start, start + size), ...(next ? { NextToken: next } : {}) };
}
