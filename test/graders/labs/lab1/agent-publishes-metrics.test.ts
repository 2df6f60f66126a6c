import { describe, expect, it } from 'vitest';
import type { MetricIdentity } from '../../../../graders/collectors/cloudwatch/instance-metrics.ts';
import { accessDenied, editRead, failRead, gradeCheck, loadFixture } from '../../support/snapshot-edit.ts';

const id = 'agent-publishes-metrics';

describe(id, () => {
	it('passes when CWAgent metrics for the web server were active recently', () => {
		const result = gradeCheck(loadFixture('passing'), id);
		expect(result.status).toBe('pass');
		expect(result.message).toBe(
			'The agent publishes 2 metric(s) for i-0a1b2c3d4e5f60718 in CWAgent: disk_used_percent, mem_used_percent.',
		);
		expect(result.evidence).toEqual(['i-0a1b2c3d4e5f60718', 'CWAgent']);
	});

	it('accepts a custom agent namespace', () => {
		const snapshot = editRead<MetricIdentity[]>(loadFixture('passing'), 'cloudwatch.instance-metrics', (metrics) =>
			metrics.map((metric) => (metric.namespace === 'CWAgent' ? { ...metric, namespace: 'Lab1/System' } : metric)),
		);
		expect(gradeCheck(snapshot, id).status).toBe('pass');
	});

	it('fails when only the hypervisor metrics (AWS/EC2) exist', () => {
		const snapshot = editRead<MetricIdentity[]>(loadFixture('passing'), 'cloudwatch.instance-metrics', (metrics) =>
			metrics.filter((metric) => metric.namespace.startsWith('AWS/')),
		);
		const result = gradeCheck(snapshot, id);
		expect(result.status).toBe('fail');
		expect(result.message).toBe(
			'No agent metrics for i-0a1b2c3d4e5f60718 were active in the last 3 hours (only AWS/EC2 metrics, which do not need the agent).',
		);
	});

	it('fails when the agent metrics belong to another instance', () => {
		const snapshot = editRead<MetricIdentity[]>(loadFixture('passing'), 'cloudwatch.instance-metrics', (metrics) =>
			metrics.map((metric) => ({ ...metric, dimensions: { InstanceId: 'i-0other' } })),
		);
		expect(gradeCheck(snapshot, id).message).toBe(
			'No agent metrics for i-0a1b2c3d4e5f60718 were active in the last 3 hours.',
		);
	});

	it('is an error when ListMetrics is denied', () => {
		const result = gradeCheck(
			failRead(loadFixture('passing'), 'cloudwatch.instance-metrics', accessDenied('cloudwatch:ListMetrics')),
			id,
		);
		expect(result).toMatchObject({ status: 'error', message: expect.stringContaining('cloudwatch:ListMetrics') });
	});
});
