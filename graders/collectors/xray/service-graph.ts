import { paginateGetServiceGraph, type Service, XRayClient } from '@aws-sdk/client-xray';
import type { Collector } from '../../engine/types.ts';
import { timeSlices } from './time-slices.ts';

export interface ServiceNode {
	/** `type:name`, stable across queries (X-Ray's ReferenceIds are not). */
	key: string;
	name: string;
	/** e.g. AWS::Lambda, AWS::Lambda::Function, AWS::DynamoDB::Table, client. */
	type: string;
}

export interface ServiceGraph {
	services: ServiceNode[];
	/** Caller → callee, by node key. */
	edges: { from: string; to: string }[];
}

const nodeKey = (type: string, name: string) => `${type}:${name}`;

/** Code-point order, so snapshots sort the same whatever the machine's locale. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The X-Ray service graph (the trace map) over the time window, merged across query slices. */
export const xrayServiceGraph: Collector<ServiceGraph> = {
	id: 'xray.service-graph',
	description: 'The X-Ray service graph (trace map) in the time window',
	iamActions: ['xray:GetServiceGraph'],
	async collect({ clients, window }) {
		const xray = clients.get(XRayClient);
		const services = new Map<string, ServiceNode>();
		const edges = new Map<string, { from: string; to: string }>();
		for (const slice of timeSlices(window)) {
			// Edges refer to nodes by ReferenceId, possibly on another page: gather the whole slice first.
			const sliceServices: Service[] = [];
			const pages = paginateGetServiceGraph({ client: xray }, { StartTime: slice.start, EndTime: slice.end });
			for await (const page of pages) sliceServices.push(...(page.Services ?? []));
			const byReference = new Map<number, string>();
			for (const service of sliceServices) {
				const key = nodeKey(service.Type ?? 'unknown', service.Name ?? '');
				if (service.ReferenceId !== undefined) byReference.set(service.ReferenceId, key);
				services.set(key, { key, name: service.Name ?? '', type: service.Type ?? 'unknown' });
			}
			for (const service of sliceServices) {
				const from = service.ReferenceId === undefined ? undefined : byReference.get(service.ReferenceId);
				for (const edge of service.Edges ?? []) {
					const to = edge.ReferenceId === undefined ? undefined : byReference.get(edge.ReferenceId);
					if (from && to) edges.set(`${from}→${to}`, { from, to });
				}
			}
		}
		return {
			services: [...services.values()].sort((a, b) => byText(a.key, b.key)),
			edges: [...edges.values()].sort((a, b) => byText(`${a.from}→${a.to}`, `${b.from}→${b.to}`)),
		};
	},
};
