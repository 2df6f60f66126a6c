import type { ApiStage } from '../../../collectors/apigateway/sre-lab-api-stages.ts';
import type { FunctionConfiguration } from '../../../collectors/lambda/sre-lab-function-configurations.ts';
import { ReadFailed } from '../../../engine/errors.ts';
import { requireOutcome } from '../../../engine/snapshot-view.ts';
import type { CheckDefinition, PerResource } from '../../../engine/types.ts';
import { appResources, appStackReads } from '../facts/app-stack.ts';

/**
 * HTTP APIs (API Gateway v2) cannot emit X-Ray segments: only REST APIs have a tracing switch. The
 * API's half of the observability story is therefore its access log (one line per request with
 * status and latency), and the traces start at the functions. That is what this check asks for.
 */
export const tracingEnabled: CheckDefinition = {
	id: 'tracing-enabled',
	reads: [...appStackReads, 'lambda.sre-lab-function-configurations', 'apigateway.sre-lab-api-stages'],
	evaluate(view) {
		const app = appResources(view);
		const configurations = view.read<PerResource<FunctionConfiguration>>('lambda.sre-lab-function-configurations');
		const stagesByApi = view.read<PerResource<ApiStage[]>>('apigateway.sre-lab-api-stages');

		const notTraced: string[] = [];
		for (const name of app.functionNames) {
			const outcome = configurations[name];
			if (!outcome) {
				throw new ReadFailed({
					kind: 'other',
					service: 'lambda',
					operation: 'GetFunctionConfiguration',
					message: `The snapshot has no configuration for function ${name}.`,
				});
			}
			const configuration = requireOutcome(outcome);
			if (configuration.tracingMode !== 'Active') notTraced.push(`${name} (${configuration.tracingMode})`);
		}

		const unlogged: string[] = [];
		const logged: string[] = [];
		for (const apiId of app.apiIds) {
			const outcome = stagesByApi[apiId];
			const stages = outcome ? requireOutcome(outcome) : [];
			const withLogs = stages.filter((stage) => stage.accessLogDestination);
			if (withLogs.length === 0) unlogged.push(apiId);
			else logged.push(...withLogs.map((stage) => `${apiId} stage ${stage.stageName} → ${stage.accessLogDestination}`));
		}

		const problems = [
			notTraced.length > 0 ? `tracing is not Active on ${notTraced.join(', ')}` : null,
			unlogged.length > 0 ? `API ${unlogged.join(', ')} has no stage with access logging` : null,
		].filter((problem): problem is string => problem !== null);
		if (problems.length > 0) {
			return { status: 'fail', message: `${problems.join('; ')}.`, evidence: [...app.functionNames, ...app.apiIds] };
		}
		return {
			status: 'pass',
			message: `Active tracing on ${app.functionNames.join(', ')}; access logs from ${logged.join(', ')}.`,
			evidence: [...app.functionNames, ...app.apiIds],
		};
	},
};
