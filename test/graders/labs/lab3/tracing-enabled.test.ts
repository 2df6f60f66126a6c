import { describe, expect, it } from 'vitest';
import type { ApiStage } from '../../../../graders/collectors/apigateway/sre-lab-api-stages.ts';
import type { FunctionConfiguration } from '../../../../graders/collectors/lambda/sre-lab-function-configurations.ts';
import type { PerResource } from '../../../../graders/engine/types.ts';
import { app } from './support/lab3-account.ts';
import { accessDenied, editRead, gradeCheck, loadFixture } from './support/snapshot-edit.ts';

const id = 'tracing-enabled';
const editFunctions = (edit: (functions: PerResource<FunctionConfiguration>) => void) =>
	editRead<PerResource<FunctionConfiguration>>(loadFixture('passing'), 'lambda.sre-lab-function-configurations', edit);
const editStages = (edit: (stages: PerResource<ApiStage[]>) => void) =>
	editRead<PerResource<ApiStage[]>>(loadFixture('passing'), 'apigateway.sre-lab-api-stages', edit);

describe(id, () => {
	it('passes with Active tracing on both functions and an access log on the API stage', () => {
		const result = gradeCheck(loadFixture('passing'), id);
		expect(result.status).toBe('pass');
		expect(result.message).toContain(`access logs from ${app.apiId} stage $default → ${app.accessLogGroupArn}`);
		expect(result.evidence).toEqual([app.inventory, app.orders, app.apiId]);
	});

	it('fails when one function still passes traces through, naming it', () => {
		const snapshot = editFunctions((functions) => {
			const outcome = functions[app.orders];
			if (outcome?.ok) outcome.data.tracingMode = 'PassThrough';
		});
		const result = gradeCheck(snapshot, id);
		expect(result.status).toBe('fail');
		expect(result.message).toBe(`tracing is not Active on ${app.orders} (PassThrough).`);
	});

	it('fails when the API has no access logging (HTTP APIs have no X-Ray switch)', () => {
		const snapshot = editStages((stages) => {
			stages[app.apiId] = {
				ok: true,
				data: [{ stageName: '$default', accessLogDestination: null, accessLogFormat: null }],
			};
		});
		const result = gradeCheck(snapshot, id);
		expect(result.status).toBe('fail');
		expect(result.message).toBe(`API ${app.apiId} has no stage with access logging.`);
	});

	it('lists every gap at once from the failing fixture', () => {
		expect(gradeCheck(loadFixture('failing'), id).message).toBe(
			`tracing is not Active on ${app.inventory} (PassThrough); API ${app.apiId} has no stage with access logging.`,
		);
	});

	it('is an error when a function configuration could not be read', () => {
		const snapshot = editFunctions((functions) => {
			functions[app.inventory] = { ok: false, error: accessDenied('lambda:GetFunctionConfiguration') };
		});
		expect(gradeCheck(snapshot, id)).toMatchObject({
			status: 'error',
			message: expect.stringContaining('lambda:GetFunctionConfiguration'),
		});
	});

	it('is an error when the stages could not be read', () => {
		const snapshot = editStages((stages) => {
			stages[app.apiId] = { ok: false, error: accessDenied('apigateway:GET') };
		});
		expect(gradeCheck(snapshot, id)).toMatchObject({
			status: 'error',
			message: expect.stringContaining('apigateway:GET'),
		});
	});

	it('is skipped until the stack is deployed', () => {
		const snapshot = editRead<{ tags: Record<string, string>; outputs: Record<string, string> }[]>(
			loadFixture('passing'),
			'cloudformation.stacks',
			(stacks) => {
				for (const stack of stacks) {
					stack.tags = {};
					stack.outputs = {};
				}
			},
		);
		expect(gradeCheck(snapshot, id)).toMatchObject({
			status: 'skipped',
			message: expect.stringContaining('Complete step 1 first'),
		});
	});
});
