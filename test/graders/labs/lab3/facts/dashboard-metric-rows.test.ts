import { describe, expect, it } from 'vitest';
import { dashboardMetricRows } from '../../../../../graders/labs/lab3/facts/dashboard-metric-rows.ts';

const body = (metrics: unknown[], stat?: string) => ({
	widgets: [{ type: 'metric', properties: { metrics, ...(stat ? { stat } : {}) } }],
});

describe('dashboardMetricRows', () => {
	it('resolves "." and "..." shorthand rows', () => {
		const rows = dashboardMetricRows(
			body([
				['AWS/Lambda', 'Errors', 'FunctionName', 'a'],
				['...', 'b'],
				['.', 'Throttles', '.', '.'],
			]),
		);
		expect(rows.map((row) => [row.metricName, row.dimensions.FunctionName])).toEqual([
			['Errors', 'a'],
			['Errors', 'b'],
			['Throttles', 'b'],
		]);
	});

	it('takes the stat from the row, else from the widget, else Average', () => {
		expect(dashboardMetricRows(body([['N', 'M', { stat: 'p99' }]], 'Sum'))[0]?.stat).toBe('p99');
		expect(dashboardMetricRows(body([['N', 'M']], 'Sum'))[0]?.stat).toBe('Sum');
		expect(dashboardMetricRows(body([['N', 'M']]))[0]?.stat).toBe('Average');
	});

	it('skips expressions, text widgets and malformed bodies without throwing', () => {
		expect(dashboardMetricRows(body([[{ expression: 'm1 * 2', id: 'e1' }]]))).toEqual([]);
		expect(dashboardMetricRows({ widgets: [{ type: 'text', properties: { markdown: '# hi' } }] })).toEqual([]);
		expect(dashboardMetricRows(null)).toEqual([]);
		expect(dashboardMetricRows({ widgets: 'nope' })).toEqual([]);
	});
});
