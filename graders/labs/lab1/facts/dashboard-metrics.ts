/**
 * What a CloudWatch dashboard body charts: the metrics its widgets name and the metric-math or
 * SEARCH expressions they use. Rows use CloudWatch's shorthand, where "." repeats the value at the
 * same position in the previous row and a leading "..." repeats the previous row's metric.
 */
export interface DashboardMetrics {
	metricKeys: Set<string>;
	expressions: string[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

export function dashboardMetrics(body: unknown): DashboardMetrics {
	const metricKeys = new Set<string>();
	const expressions: string[] = [];
	const widgets = isObject(body) && Array.isArray(body.widgets) ? body.widgets : [];
	for (const widget of widgets) {
		const properties = isObject(widget) && isObject(widget.properties) ? widget.properties : {};
		const rows = Array.isArray(properties.metrics) ? properties.metrics : [];
		let previous: unknown[] = [];
		for (const row of rows) {
			if (!Array.isArray(row)) continue;
			const options = row.find(isObject);
			if (options && typeof options.expression === 'string') {
				expressions.push(options.expression);
				continue;
			}
			const values = row.filter((value) => typeof value === 'string') as string[];
			const resolved =
				values[0] === '...'
					? [...previous.slice(0, 2), ...values.slice(1)]
					: values.map((value, index) => (value === '.' ? previous[index] : value));
			const [namespace, metricName] = resolved;
			if (typeof namespace === 'string' && typeof metricName === 'string') metricKeys.add(`${namespace}/${metricName}`);
			previous = resolved;
		}
	}
	return { metricKeys, expressions };
}

/** True when the dashboard names the metric, directly or inside an expression such as SEARCH(). */
export function dashboardShows(metrics: DashboardMetrics, metric: { namespace: string; metricName: string }): boolean {
	return (
		metrics.metricKeys.has(`${metric.namespace}/${metric.metricName}`) ||
		metrics.expressions.some((expression) => expression.includes(metric.metricName))
	);
}
