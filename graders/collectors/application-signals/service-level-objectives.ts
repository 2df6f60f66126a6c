import {
	ApplicationSignalsClient,
	GetServiceLevelObjectiveCommand,
	type Interval,
	paginateListServiceLevelObjectives,
} from '@aws-sdk/client-application-signals';
import { callSiteKey, ServiceNotInRegion, unresolvedHost } from '../../engine/errors.ts';
import type { Collector, PerResource } from '../../engine/types.ts';
import { fanOut } from '../fan-out.ts';

/** How long the SLO is measured over: a window that moves with time, or calendar periods from a start date. */
export type SloInterval =
	| { kind: 'rolling'; duration: number; unit: string }
	| { kind: 'calendar'; duration: number; unit: string; startTime: string | null };

export interface ServiceLevelObjective {
	arn: string;
	name: string;
	/** `PeriodBased` or `RequestBased`; null when the service does not say. */
	evaluationType: string | null;
	/** Percentage of good periods or requests the SLO aims for (e.g. 99.9). */
	attainmentGoal: number | null;
	interval: SloInterval | null;
}

function intervalOf(interval: Interval | undefined): SloInterval | null {
	const rolling = interval?.RollingInterval;
	if (rolling?.Duration !== undefined && rolling.DurationUnit) {
		return { kind: 'rolling', duration: rolling.Duration, unit: rolling.DurationUnit };
	}
	const calendar = interval?.CalendarInterval;
	if (calendar?.Duration !== undefined && calendar.DurationUnit) {
		return {
			kind: 'calendar',
			duration: calendar.Duration,
			unit: calendar.DurationUnit,
			startTime: calendar.StartTime ? calendar.StartTime.toISOString() : null,
		};
	}
	return null;
}

/** Keeps the service, operation and Region the middleware stamped on the original error. */
const callSiteOf = (error: unknown) =>
	typeof error === 'object' && error !== null && callSiteKey in error
		? { [callSiteKey]: (error as Record<symbol, unknown>)[callSiteKey] }
		: {};

/**
 * CloudWatch Application Signals service level objectives, keyed by ARN. The listing carries no goal,
 * so each SLO is read once more for its attainment goal and interval.
 */
export const applicationSignalsServiceLevelObjectives: Collector<PerResource<ServiceLevelObjective>> = {
	id: 'application-signals.service-level-objectives',
	description: 'CloudWatch Application Signals service level objectives with their goals',
	iamActions: ['application-signals:ListServiceLevelObjectives', 'application-signals:GetServiceLevelObjective'],
	async collect({ clients }) {
		const client = clients.get(ApplicationSignalsClient);
		const arns: string[] = [];
		try {
			for await (const page of paginateListServiceLevelObjectives({ client }, {})) {
				for (const summary of page.SloSummaries ?? []) if (summary.Arn) arns.push(summary.Arn);
			}
		} catch (error) {
			// The identity read already reached AWS, so a host that does not resolve means the Region has
			// no Application Signals endpoint, not that the network is down.
			const host = unresolvedHost(error as object);
			if (host) throw Object.assign(new ServiceNotInRegion(host, { cause: error }), callSiteOf(error));
			throw error;
		}
		return fanOut(
			arns,
			async (arn) => {
				const { Slo: slo } = await client.send(new GetServiceLevelObjectiveCommand({ Id: arn }));
				return {
					arn,
					name: slo?.Name ?? arn,
					evaluationType: slo?.EvaluationType ?? null,
					attainmentGoal: slo?.Goal?.AttainmentGoal ?? null,
					interval: intervalOf(slo?.Goal?.Interval),
				};
			},
			{ service: 'application-signals', operation: 'GetServiceLevelObjective' },
		);
	},
};
