import {
	CloudFormationClient,
	DescribeStackDriftDetectionStatusCommand,
	StackDriftDetectionStatus,
	StackDriftStatus,
} from '@aws-sdk/client-cloudformation';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { cloudformationDriftDetections } from '../../../../graders/collectors/cloudformation/drift-detections.ts';
import { accessDenied, runCollector } from '../../labs/lab4/support/run-collector.ts';

const cloudtrail = mockClient(CloudTrailClient);
const cloudformation = mockClient(CloudFormationClient);
afterEach(() => {
	cloudtrail.reset();
	cloudformation.reset();
});

const stackId = 'arn:aws:cloudformation:eu-west-1:111122223333:stack/sre-lab3-app/d0a825a0-e4cd-11ef-b9fb-061c69e99204';

/** A LookupEvents result for DetectStackDrift, as CloudTrail records the call. */
function detectEvent(id: string, at: string, detectionId: string | null, errorCode?: string) {
	return {
		EventId: id,
		EventName: 'DetectStackDrift',
		EventTime: new Date(at),
		EventSource: 'cloudformation.amazonaws.com',
		CloudTrailEvent: JSON.stringify({
			eventVersion: '1.09',
			eventSource: 'cloudformation.amazonaws.com',
			eventName: 'DetectStackDrift',
			requestParameters: { stackName: 'sre-lab3-app' },
			responseElements: detectionId ? { stackDriftDetectionId: detectionId } : null,
			...(errorCode ? { errorCode } : {}),
		}),
	};
}

describe('cloudformation.drift-detections', () => {
	it('finds each DetectStackDrift call in CloudTrail and reads its result, oldest first', async () => {
		cloudtrail
			.on(LookupEventsCommand, { NextToken: 'page-2' })
			.resolves({ Events: [detectEvent('e1', '2026-11-22T09:00:00Z', '1a229160-e4d9-4b67-ab67-0a4f93df83d4')] })
			.on(LookupEventsCommand, { NextToken: undefined })
			.resolves({
				Events: [
					detectEvent('e2', '2026-11-22T10:00:00Z', '2b339270-f5e0-4c78-bc78-1b5fa4ef94e5'),
					detectEvent('e3', '2026-11-22T10:30:00Z', null, 'ValidationError'),
				],
				NextToken: 'page-2',
			});
		cloudformation
			.on(DescribeStackDriftDetectionStatusCommand, { StackDriftDetectionId: '1a229160-e4d9-4b67-ab67-0a4f93df83d4' })
			.resolves({
				StackId: stackId,
				StackDriftDetectionId: '1a229160-e4d9-4b67-ab67-0a4f93df83d4',
				StackDriftStatus: StackDriftStatus.DRIFTED,
				DetectionStatus: StackDriftDetectionStatus.DETECTION_COMPLETE,
				DriftedStackResourceCount: 1,
				Timestamp: new Date('2026-11-22T09:00:30.902Z'),
			})
			.on(DescribeStackDriftDetectionStatusCommand, { StackDriftDetectionId: '2b339270-f5e0-4c78-bc78-1b5fa4ef94e5' })
			.resolves({
				StackId: stackId,
				StackDriftDetectionId: '2b339270-f5e0-4c78-bc78-1b5fa4ef94e5',
				StackDriftStatus: StackDriftStatus.IN_SYNC,
				DetectionStatus: StackDriftDetectionStatus.DETECTION_COMPLETE,
				DriftedStackResourceCount: 0,
				Timestamp: new Date('2026-11-22T10:00:20.000Z'),
			});
		const history = await runCollector(cloudformationDriftDetections);
		expect(history.truncated).toBe(false);
		expect(history.requests.map((request) => [request.requestedAt, request.detectionId, request.errorCode])).toEqual([
			['2026-11-22T09:00:00.000Z', '1a229160-e4d9-4b67-ab67-0a4f93df83d4', null],
			['2026-11-22T10:00:00.000Z', '2b339270-f5e0-4c78-bc78-1b5fa4ef94e5', null],
			['2026-11-22T10:30:00.000Z', null, 'ValidationError'],
		]);
		expect(history.statuses['1a229160-e4d9-4b67-ab67-0a4f93df83d4']).toEqual({
			ok: true,
			data: {
				stackId,
				stackDriftStatus: 'DRIFTED',
				detectionStatus: 'DETECTION_COMPLETE',
				driftedResourceCount: 1,
				timestamp: '2026-11-22T09:00:30.902Z',
			},
		});
		expect(history.statuses['2b339270-f5e0-4c78-bc78-1b5fa4ef94e5']).toMatchObject({
			ok: true,
			data: { stackDriftStatus: 'IN_SYNC' },
		});
		const lookup = cloudtrail.commandCalls(LookupEventsCommand)[0]?.args[0].input;
		expect(lookup?.LookupAttributes).toEqual([{ AttributeKey: 'EventName', AttributeValue: 'DetectStackDrift' }]);
		expect(lookup?.StartTime).toEqual(new Date('2026-11-21T12:00:00.000Z'));
	});

	it('records a detection it cannot read as that detection failing, not the whole read', async () => {
		cloudtrail.on(LookupEventsCommand).resolves({ Events: [detectEvent('e1', '2026-11-22T09:00:00Z', 'gone-id')] });
		cloudformation
			.on(DescribeStackDriftDetectionStatusCommand)
			.rejects(accessDenied('cloudformation:DescribeStackDriftDetectionStatus'));
		const history = await runCollector(cloudformationDriftDetections);
		expect(history.statuses['gone-id']).toMatchObject({
			ok: false,
			error: { kind: 'access-denied', operation: 'DescribeStackDriftDetectionStatus' },
		});
	});

	it('lets a denied CloudTrail lookup fail the read', async () => {
		cloudtrail.on(LookupEventsCommand).rejects(accessDenied('cloudtrail:LookupEvents'));
		await expect(runCollector(cloudformationDriftDetections)).rejects.toThrow('cloudtrail:LookupEvents');
	});
});
