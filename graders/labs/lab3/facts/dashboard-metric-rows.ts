import type { MetricRef } from './golden-signals.ts';

export interface DashboardMetricRow extends MetricRef {
	/** The row's own `stat`, else the widget's, else CloudWatch's default (Average). */
	stat: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Resolves CloudWatch's row shorthand: "." repeats the value at the same position in the previous
 * row, and a leading "..." repeats the previous row up to where the values given here begin
 * (so `["...", "fn-b"]` after `["AWS/Lambda", "Errors", "FunctionName", "fn-a"]` means fn-b's Errors).
 */
function resolveRow(values: readonly string[], previous: readonly string[]): string[] {
	if (values[0] === '...') {
		const rest = values.slice(1);
		return [...previous.slice(0, Math.max(0, previous.length - rest.length)), ...rest];
	}
	return values.map((value, index) => (value === '.' ? (previous[index] ?? '.') : value));
}

/** Every metric a dashboard body charts, with its dimensions and statistic; expressions are skipped. */
export function dashboardMetricRows(body: unknown): DashboardMetricRow[] {
	const rows: DashboardMetricRow[] = [];
	const widgets = isObject(body) && Array.isArray(body.widgets) ? body.widgets : [];
	for (const widget of widgets) {
		const properties = isObject(widget) && isObject(widget.properties) ? widget.properties : {};
		const widgetStat = typeof properties.stat === 'string' ? properties.stat : 'Average';
		let previous: string[] = [];
		for (const row of Array.isArray(properties.metrics) ? properties.metrics : []) {
			if (!Array.isArray(row)) continue;
			const options = row.find(isObject) ?? {};
			if (typeof options.expression === 'string') continue;
			const resolved = resolveRow(
				row.filter((value): value is string => typeof value === 'string'),
				previous,
			);
			previous = resolved;
			const [namespace, metricName, ...pairs] = resolved;
			if (!namespace || !metricName) continue;
			const dimensions: Record<string, string> = {};
			for (let index = 0; index + 1 < pairs.length; index += 2)
				dimensions[pairs[index] as string] = pairs[index + 1] as string;
			rows.push({
				namespace,
				metricName,
				dimensions,
				stat: typeof options.stat === 'string' ? options.stat : widgetStat,
			});
		}
	}
	return rows;
}
