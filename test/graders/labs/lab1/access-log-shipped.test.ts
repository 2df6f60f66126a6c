import { describe, expect, it } from 'vitest';
import type { StreamSample } from '../../../../graders/collectors/logs/instance-stream-samples.ts';
import type { LogStream } from '../../../../graders/collectors/logs/recent-log-streams.ts';
import type { PerResource, Snapshot } from '../../../../graders/engine/types.ts';
import { accessDenied, editRead, failRead, gradeCheck, loadFixture } from '../../support/snapshot-edit.ts';

const id = 'access-log-shipped';
const instanceId = 'i-0a1b2c3d4e5f60718';
const accessGroup = '/sre-lab/lab1/access';
const errorGroup = '/sre-lab/lab1/error';

const editStreams = (
	snapshot: Snapshot,
	edit: (groups: PerResource<LogStream[]>) => PerResource<LogStream[]> | undefined,
) => editRead<PerResource<LogStream[]>>(snapshot, 'logs.recent-log-streams', edit);
const editSamples = (
	snapshot: Snapshot,
	edit: (groups: PerResource<StreamSample[]>) => PerResource<StreamSample[]> | undefined,
) => editRead<PerResource<StreamSample[]>>(snapshot, 'logs.instance-stream-samples', edit);

describe(id, () => {
	it('passes when the stream named after the instance carries access-log lines', () => {
		const result = gradeCheck(loadFixture('passing'), id);
		expect(result.status).toBe('pass');
		expect(result.message).toBe(
			`${accessGroup} receive(s) access-log lines from ${instanceId} (stream ${instanceId}: 3 of its latest 3 lines are access-log lines; last activity 2026-11-22T11:58:00.000Z).`,
		);
		expect(result.evidence).toEqual([instanceId, accessGroup]);
	});

	it("does not count the error log's stream as the access log", () => {
		const snapshot = editStreams(loadFixture('passing'), (groups) => {
			delete groups[accessGroup];
		});
		const result = gradeCheck(snapshot, id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain(
			`Logs arrive from ${instanceId}, but not the access log: ${errorGroup} (none of the latest 2 lines in stream ${instanceId} is an access-log line)`,
		);
	});

	it('passes while lastEventTimestamp lags, on a recent lastIngestionTime', () => {
		const snapshot = editStreams(loadFixture('passing'), (groups) => {
			const outcome = groups[accessGroup];
			if (outcome?.ok)
				outcome.data = [
					{ logStreamName: instanceId, lastEventTime: null, lastIngestionTime: '2026-11-22T11:59:30.000Z' },
				];
		});
		expect(gradeCheck(snapshot, id)).toMatchObject({
			status: 'pass',
			message: expect.stringContaining('last activity 2026-11-22T11:59:30.000Z'),
		});
	});

	it('fails when the only streams are older than the window', () => {
		const snapshot = editStreams(loadFixture('passing'), (groups) => {
			for (const outcome of Object.values(groups)) {
				if (outcome.ok)
					outcome.data = outcome.data.map((stream) => ({
						...stream,
						lastEventTime: '2026-11-20T00:00:00.000Z',
						lastIngestionTime: '2026-11-20T00:00:05.000Z',
					}));
			}
		});
		const result = gradeCheck(snapshot, id);
		expect(result.status).toBe('fail');
		expect(result.message).toBe(
			`No log stream named after ${instanceId} received events since 2026-11-21T12:00:00.000Z.`,
		);
	});

	it('fails when the streams belong to another host', () => {
		const snapshot = editStreams(loadFixture('passing'), (groups) => {
			for (const outcome of Object.values(groups)) {
				if (outcome.ok) outcome.data = outcome.data.map((stream) => ({ ...stream, logStreamName: 'laptop' }));
			}
		});
		expect(gradeCheck(snapshot, id).status).toBe('fail');
	});

	it('is an error, not a failure, when the access-log group is unreadable and only syslog was found', () => {
		// A normal agent setup also ships /var/log/messages under the same {instance_id} stream name.
		const snapshot = editSamples(
			editStreams(loadFixture('passing'), () => ({
				[accessGroup]: { ok: false, error: accessDenied('logs:DescribeLogStreams') },
				'/var/log/messages': {
					ok: true,
					data: [
						{
							logStreamName: instanceId,
							lastEventTime: '2026-11-22T11:59:00.000Z',
							lastIngestionTime: '2026-11-22T11:59:01.000Z',
						},
					],
				},
			})),
			() => ({
				'/var/log/messages': { ok: true, data: [{ logStreamName: instanceId, sampled: 20, accessLogLines: 0 }] },
			}),
		);
		expect(gradeCheck(snapshot, id)).toMatchObject({
			status: 'error',
			message: expect.stringContaining('logs:DescribeLogStreams'),
		});
		for (const filterCheck of ['error-filter-counts-5xx', 'request-filter-counts-requests']) {
			expect(gradeCheck(snapshot, filterCheck).status).not.toBe('fail');
		}
	});

	it("is an error when the access-log stream's lines could not be read", () => {
		const snapshot = editSamples(loadFixture('passing'), (groups) => ({
			...groups,
			[accessGroup]: { ok: false, error: accessDenied('logs:GetLogEvents') },
		}));
		expect(gradeCheck(snapshot, id)).toMatchObject({
			status: 'error',
			message: expect.stringContaining('logs:GetLogEvents'),
		});
	});

	it('ignores an unreadable unrelated group when the access log was found', () => {
		const snapshot = editStreams(loadFixture('passing'), (groups) => ({
			...groups,
			'/ecs/other-app': { ok: false, error: accessDenied('logs:DescribeLogStreams') },
		}));
		expect(gradeCheck(snapshot, id).status).toBe('pass');
	});

	it('is an error when DescribeLogGroups was denied', () => {
		const snapshot = failRead(
			loadFixture('passing'),
			'logs.recent-log-streams',
			accessDenied('logs:DescribeLogGroups'),
		);
		expect(gradeCheck(snapshot, id).status).toBe('error');
	});
});
