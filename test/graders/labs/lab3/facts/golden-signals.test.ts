import { describe, expect, it } from 'vitest';
import { appMetricSignal, percentileOf } from '../../../../../graders/labs/lab3/facts/golden-signals.ts';

const app = { stacks: [], functionNames: ['orders', 'inventory'], apiIds: ['abc'], tableNames: ['t'] };

describe('appMetricSignal', () => {
	it.each([
		['AWS/ApiGateway', 'Latency', { ApiId: 'abc', Stage: '$default' }, 'latency'],
		['AWS/ApiGateway', 'Count', { ApiId: 'abc' }, 'traffic'],
		['AWS/ApiGateway', '5xx', { ApiId: 'abc' }, 'errors'],
		['AWS/ApiGateway', '4xx', { ApiId: 'abc' }, null],
		['AWS/Lambda', 'Duration', { FunctionName: 'orders' }, 'latency'],
		['AWS/Lambda', 'ConcurrentExecutions', { FunctionName: 'inventory' }, 'saturation'],
		['AWS/Lambda', 'ConcurrentExecutions', {}, null],
		['AWS/DynamoDB', 'ConsumedWriteCapacityUnits', { TableName: 't' }, 'saturation'],
		['AWS/DynamoDB', 'ConsumedWriteCapacityUnits', { TableName: 'other' }, null],
		['AWS/EC2', 'CPUUtilization', { InstanceId: 'i-1' }, null],
	])('%s %s %j → %s', (namespace, metricName, dimensions, signal) => {
		expect(appMetricSignal({ namespace, metricName, dimensions }, app)).toBe(signal);
	});
});

describe('percentileOf', () => {
	it('reads pNN statistics and nothing else', () => {
		expect(percentileOf('p90')).toBe(90);
		expect(percentileOf('P99.9')).toBe(99.9);
		expect(percentileOf('p100')).toBe(100);
		expect(percentileOf('Average')).toBeNull();
		expect(percentileOf('tm99')).toBeNull();
		expect(percentileOf(null)).toBeNull();
	});
});
