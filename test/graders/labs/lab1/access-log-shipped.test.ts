import { describe, expect, it } from 'vitest';
import type { LogStream } from '../../../../graders/collectors/logs/recent-log-streams.ts';
import type { PerResource } from '../../../../graders/engine/types.ts';
import { accessDenied, editRead, failRead, gradeCheck, loadFixture } from '../../support/snapshot-edit.ts';

const id = 'access-log-shipped';

describe(id, () => {
	it('passes when a stream named after the instance received events in the window', () => {
		const result = gradeCheck(loadFixture('passing'), id);
		expect(result.status).toBe('pass');
		expect(result.message).toContain('/sre-lab/lab1/access');
		expect(result.message).toContain('stream i-0a1b2c3d4e5f60718, last event 2026-11-22T11:58:00.000Z');
	});

	it('fails when the only streams are older than the window', () => {
		const snapshot = editRead<PerResource<LogStream[]>>(loadFixture('passing'), 'logs.recent-log-streams', (groups) => {
			for (const outcome of Object.values(groups)) {
				if (outcome.ok)
					outcome.data = outcome.data.map((stream) => ({ ...stream, lastEventTime: '2026-11-20T00:00:00.000Z' }));
			}
		});
		const result = gradeCheck(snapshot, id);
		expect(result.status).toBe('fail');
		expect(result.message).toBe(
			'No log stream named after i-0a1b2c3d4e5f60718 received events since 2026-11-21T12:00:00.000Z.',
		);
	});

	it('fails when the streams belong to another host', () => {
		const snapshot = editRead<PerResource<LogStream[]>>(loadFixture('passing'), 'logs.recent-log-streams', (groups) => {
			for (const outcome of Object.values(groups)) {
				if (outcome.ok) outcome.data = outcome.data.map((stream) => ({ ...stream, logStreamName: 'laptop' }));
			}
		});
		expect(gradeCheck(snapshot, id).status).toBe('fail');
	});

	it('is an error when a log group could not be read and nothing else was found', () => {
		const snapshot = editRead<PerResource<LogStream[]>>(loadFixture('passing'), 'logs.recent-log-streams', () => ({
			'/sre-lab/lab1/access': { ok: false, error: accessDenied('logs:DescribeLogStreams') },
		}));
		expect(gradeCheck(snapshot, id)).toMatchObject({
			status: 'error',
			message: expect.stringContaining('logs:DescribeLogStreams'),
		});
	});

	it('ignores an unreadable unrelated group when the access log was found', () => {
		const snapshot = editRead<PerResource<LogStream[]>>(
			loadFixture('passing'),
			'logs.recent-log-streams',
			(groups) => ({
				...groups,
				'/aws/lambda/secret': { ok: false, error: accessDenied('logs:DescribeLogStreams') },
			}),
		);
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
