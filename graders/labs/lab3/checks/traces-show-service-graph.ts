import type { ServiceGraph, ServiceNode } from '../../../collectors/xray/service-graph.ts';
import { xrayWindow } from '../../../collectors/xray/time-slices.ts';
import type { TraceSummaries } from '../../../collectors/xray/trace-summaries.ts';
import type { CheckDefinition } from '../../../engine/types.ts';
import { type AppResources, appResources, appStackReads } from '../facts/app-stack.ts';
import { traceDestinationRead, transactionSearchNote } from '../facts/transaction-search.ts';

/** A trace-map node belongs to the app when it is named after one of its resources (Lambda nodes carry the function name). */
const belongsToApp = (node: ServiceNode, app: AppResources) =>
	app.functionNames.includes(node.name) || app.tableNames.includes(node.name) || app.apiIds.includes(node.name);

const label = (node: ServiceNode) => `${node.name} (${node.type})`;

export const tracesShowServiceGraph: CheckDefinition = {
	id: 'traces-show-service-graph',
	reads: [...appStackReads, 'xray.trace-summaries', 'xray.service-graph', traceDestinationRead],
	evaluate(view) {
		const app = appResources(view);
		const { summaries, truncated } = view.read<TraceSummaries>('xray.trace-summaries');
		const graph = view.read<ServiceGraph>('xray.service-graph');
		// X-Ray keeps 30 days of traces; the collectors read no further back, whatever --since said.
		const since = `since ${xrayWindow(view.window).since}`;
		if (summaries.length === 0) {
			return {
				status: 'fail',
				message: `X-Ray has no traces in ${view.region} ${since}.${transactionSearchNote(view)}`,
			};
		}
		const appTraces = summaries.filter((trace) => trace.services.some((name) => app.functionNames.includes(name)));
		if (appTraces.length === 0) {
			const sampled = truncated ? ` (looked at the newest ${summaries.length})` : '';
			return {
				status: 'fail',
				message: `${summaries.length} trace(s) ${since}${sampled}, but none passes through ${app.functionNames.join(' or ')}.${transactionSearchNote(view)}`,
			};
		}
		const nodes = new Map(graph.services.map((node) => [node.key, node]));
		const appEdges = graph.edges
			.map((edge) => ({ from: nodes.get(edge.from), to: nodes.get(edge.to) }))
			.filter((edge): edge is { from: ServiceNode; to: ServiceNode } =>
				Boolean(edge.from && edge.to && edge.from.key !== edge.to.key),
			)
			.filter((edge) => belongsToApp(edge.from, app) && belongsToApp(edge.to, app));
		if (appEdges.length === 0) {
			const appNodes = graph.services.filter((node) => belongsToApp(node, app)).map(label);
			return {
				status: 'fail',
				message: `${appTraces.length} trace(s) reach the application, but the service map shows ${
					appNodes.length > 0 ? `only unconnected nodes (${appNodes.join(', ')})` : 'none of its services'
				}. Keep the load generator running a few minutes longer.${transactionSearchNote(view)}`,
				evidence: appTraces.slice(0, 5).map((trace) => trace.id),
			};
		}
		// Orders calling inventory is the edge worth pointing out: it proves the trace crosses services.
		const crossService = appEdges.filter((edge) => edge.from.name !== edge.to.name);
		const shown = (crossService.length > 0 ? crossService : appEdges).map(
			(edge) => `${label(edge.from)} → ${label(edge.to)}`,
		);
		return {
			status: 'pass',
			message: `${appTraces.length} trace(s) through the application ${since}; the service map connects ${shown.join(', ')}.`,
			evidence: [...appTraces.slice(0, 5).map((trace) => trace.id), ...shown],
		};
	},
};
