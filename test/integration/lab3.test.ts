import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apigatewaySreLabApiStages } from '../../graders/collectors/apigateway/sre-lab-api-stages.ts';
import { lambdaSreLabFunctionConfigurations } from '../../graders/collectors/lambda/sre-lab-function-configurations.ts';
import { evaluateLab } from '../../graders/engine/evaluate.ts';
import type { LabResult, Snapshot } from '../../graders/engine/types.ts';
import { lab3 } from '../../graders/labs/lab3/index.ts';
import { lab3Reads } from './lab3-reads.ts';
import { type Lab3Seed, lab3Names, seedLab3Account } from './seed/lab3-account.ts';
import { collectFromMoto, collectOneFromMoto } from './support/collect-from-moto.ts';
import { expectCliRun, expectReadsAgainstMoto, expectVerdictsAgainstMoto } from './support/lab-assertions.ts';
import { labRegions, seedingClients } from './support/moto-account.ts';
import { jsonOf, resourceData } from './support/read-expectations.ts';
import { resultOf, runSreLabAgainstMoto } from './support/run-cli.ts';

const region = labRegions.lab3;
const clients = seedingClients(region);
let seed: Lab3Seed;
let snapshot: Snapshot;
let result: LabResult;

beforeAll(async () => {
	seed = await seedLab3Account(clients);
	snapshot = await collectFromMoto(lab3, region);
	result = evaluateLab('lab3', snapshot);
});
afterAll(() => clients.destroy());

describe('Lab 3 collectors against moto', () => {
	it('reads the seeded account', () => expect(snapshot.accountId).toBe('123456789012'));
	expectReadsAgainstMoto(lab3, lab3Reads, () => ({ snapshot, seed }));
});

describe('Lab 3 stack-scoped collectors on resources moto keeps outside CloudFormation', () => {
	const stackWith = (type: string, physicalId: string) => ({
		[seed.stackId]: { ok: true, data: [{ logicalId: 'Probe', physicalId, type, status: 'CREATE_COMPLETE' }] },
	});

	it('apigateway.sre-lab-api-stages reads the API stages and access-log settings (GetStages)', async () => {
		const stages = await collectOneFromMoto(apigatewaySreLabApiStages, region, {
			'cloudformation.sre-lab-stack-resources': stackWith('AWS::ApiGatewayV2::Api', seed.apiId),
		});
		const api = jsonOf(resourceData(stages, seed.apiId));
		expect(api).toContain('$default');
		expect(api).toContain(lab3Names.accessLogGroup);
	});

	it('lambda.sre-lab-function-configurations reads Active tracing (GetFunctionConfiguration)', async () => {
		const configurations = await collectOneFromMoto(lambdaSreLabFunctionConfigurations, region, {
			'cloudformation.sre-lab-stack-resources': stackWith('AWS::Lambda::Function', lab3Names.tracedFunction),
		});
		expect(jsonOf(resourceData(configurations, lab3Names.tracedFunction))).toContain('"tracingMode":"Active"');
	});
});

/** moto's CloudFormation keeps no AWS::ApiGatewayV2::Api, so the application stack looks incomplete. */
const emulatorGaps = {
	'app-stack-deployed': "moto's CloudFormation does not model AWS::ApiGatewayV2::Api: the stack shows no HTTP API",
};

describe('Lab 3 verdicts from moto', () => {
	expectVerdictsAgainstMoto(lab3, lab3Reads, () => result, emulatorGaps);

	it('says what the stack lacks, and skips the steps that build on it', () => {
		const [deployed, ...rest] = result.checks;
		expect(deployed?.id).toBe('app-stack-deployed');
		expect(deployed?.message).toMatch(/HTTP API/);
		for (const check of rest) expect(check.status, check.id).toBe('skipped');
	});
});

describe('sre-lab check lab3 --endpoint-url <moto>', () => {
	it('grades the seeded account in a child process, exit 1 (a check failed), no stack trace', async () => {
		const run = await runSreLabAgainstMoto('lab3', region, ['--json']);
		expectCliRun(run, 1);
		const cli = resultOf(run);
		expect(cli.accountId).toBe('123456789012');
		expect(cli.checks.map((check) => [check.id, check.status])).toEqual(
			result.checks.map((check) => [check.id, check.status]),
		);
	});
});
