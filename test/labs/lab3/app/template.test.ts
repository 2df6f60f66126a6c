import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { buildInlineCode, renderTemplate, TEMPLATE_FILE } from '../../../../labs/lab3/app/build-template.ts';
import { INLINE_CODE_LIMIT } from '../../../../labs/lab3/app/inline-code.ts';

const templateText = readFileSync(TEMPLATE_FILE, 'utf8');
// biome-ignore lint/suspicious/noExplicitAny: a CloudFormation template is free-form data
const template = parse(templateText) as any;
const inlineCode = buildInlineCode();

/** Runs a function's inline code as Lambda would (CommonJS), with the AWS SDK replaced by fakes. */
function loadInlineHandler(code: string, sdk: Record<string, unknown>, env: Record<string, string>) {
	const module = { exports: {} as { handler: (event: unknown) => Promise<unknown> } };
	const fakeRequire = (name: string) => {
		if (name in sdk) return sdk[name];
		if (name === 'node:crypto') return { randomUUID: () => 'order-123' };
		throw new Error(`unexpected require(${name})`);
	};
	const fakeProcess = { env };
	new Function('require', 'module', 'exports', 'process', code)(fakeRequire, module, module.exports, fakeProcess);
	return module.exports.handler;
}

/** A fake SDK client class whose send() answers by command name and records each command. */
function fakeClient(answers: Record<string, (input: Record<string, unknown>) => unknown>) {
	const sent: { command: string; input: Record<string, unknown> }[] = [];
	const commands = Object.fromEntries(
		Object.keys(answers).map((name) => [
			name,
			class {
				readonly name = name;
				readonly input: Record<string, unknown>;
				constructor(input: Record<string, unknown>) {
					this.input = input;
				}
			},
		]),
	);
	class Client {
		async send(command: { name: string; input: Record<string, unknown> }) {
			sent.push({ command: command.name, input: command.input });
			return answers[command.name]?.(command.input);
		}
	}
	return { sent, commands, Client };
}

describe('the application template', () => {
	it('embeds exactly the tested service code (run build-template.ts after editing a service)', () => {
		expect(renderTemplate(templateText, inlineCode)).toBe(templateText);
		expect(template.Resources.OrdersFunction.Properties.Code.ZipFile).toBe(inlineCode.OrdersFunction);
		expect(template.Resources.InventoryFunction.Properties.Code.ZipFile).toBe(inlineCode.InventoryFunction);
	});

	it("keeps each function within CloudFormation's inline code limit", () => {
		for (const code of Object.values(inlineCode)) expect(code.length).toBeLessThanOrEqual(INLINE_CODE_LIMIT);
	});

	it('starts with tracing off and access logs off, ready to switch on by parameter', () => {
		expect(template.Parameters.TracingMode.Default).toBe('PassThrough');
		expect(template.Parameters.AccessLogs.Default).toBe('Disabled');
		for (const name of ['OrdersFunction', 'InventoryFunction']) {
			const fn = template.Resources[name].Properties;
			expect(fn.TracingConfig.Mode).toEqual({ Ref: 'TracingMode' });
			expect(fn.Runtime).toMatch(/^nodejs2\d\.x$/);
			expect(fn.Handler).toBe('index.handler');
		}
	});

	it('creates the fault switch with the value none and only the three modes allowed', () => {
		const parameter = template.Resources.FaultSwitch.Properties;
		expect(parameter.Name).toBe('/sre-lab/lab3/fault');
		expect(parameter.Value).toBe('none');
		for (const mode of ['none', 'latency', 'errors']) expect(mode).toMatch(new RegExp(parameter.AllowedPattern));
		expect('slow').not.toMatch(new RegExp(parameter.AllowedPattern));
	});

	it('marks itself for the grader with the SreLab output and exports what the solution imports', () => {
		expect(template.Outputs.SreLab.Value).toBe('lab3');
		for (const output of ['ApiId', 'OrdersFunctionName', 'InventoryFunctionName', 'TableName']) {
			expect(template.Outputs[output].Export.Name).toEqual({ 'Fn::Sub': `\${AWS::StackName}-${output}` });
		}
	});

	it('routes both API routes to the orders function with payload format 2.0', () => {
		const resources = Object.values(template.Resources) as { Type: string; Properties: { RouteKey?: string } }[];
		const routes = resources
			.filter((resource) => resource.Type === 'AWS::ApiGatewayV2::Route')
			.map((route) => route.Properties.RouteKey);
		expect(routes.sort()).toEqual(['GET /orders/{id}', 'POST /orders']);
		expect(template.Resources.OrdersIntegration.Properties.PayloadFormatVersion).toBe('2.0');
	});
});

describe('the inline code, run as Lambda would run it', () => {
	it('orders: invokes inventory, stores the order and answers 201', async () => {
		const lambda = fakeClient({
			InvokeCommand: () => ({ Payload: new TextEncoder().encode('{"ok":true,"reserved":3}') }),
		});
		const dynamodb = fakeClient({ PutItemCommand: () => ({}), GetItemCommand: () => ({}) });
		const handler = loadInlineHandler(
			inlineCode.OrdersFunction,
			{
				'@aws-sdk/client-lambda': { LambdaClient: lambda.Client, ...lambda.commands },
				'@aws-sdk/client-dynamodb': { DynamoDBClient: dynamodb.Client, ...dynamodb.commands },
			},
			{ TABLE_NAME: 'orders-table', INVENTORY_FUNCTION: 'inventory-fn' },
		);
		const response = (await handler({ routeKey: 'POST /orders', body: '{"sku":"sku-mug","quantity":3}' })) as {
			statusCode: number;
		};
		expect(response.statusCode).toBe(201);
		expect(lambda.sent[0]?.input).toMatchObject({ FunctionName: 'inventory-fn' });
		expect(JSON.parse(String(lambda.sent[0]?.input.Payload))).toEqual({ sku: 'sku-mug', quantity: 3 });
		expect(dynamodb.sent[0]?.input).toMatchObject({
			TableName: 'orders-table',
			Item: { pk: { S: 'order#order-123' }, quantity: { N: '3' } },
		});
	});

	it('orders: answers 502 when the inventory function reports an error', async () => {
		const lambda = fakeClient({
			InvokeCommand: () => ({
				FunctionError: 'Unhandled',
				Payload: new TextEncoder().encode('{"errorMessage":"injected fault: inventory unavailable"}'),
			}),
		});
		const dynamodb = fakeClient({ PutItemCommand: () => ({}) });
		const handler = loadInlineHandler(
			inlineCode.OrdersFunction,
			{
				'@aws-sdk/client-lambda': { LambdaClient: lambda.Client, ...lambda.commands },
				'@aws-sdk/client-dynamodb': { DynamoDBClient: dynamodb.Client, ...dynamodb.commands },
			},
			{ TABLE_NAME: 't', INVENTORY_FUNCTION: 'i' },
		);
		const response = (await handler({ routeKey: 'POST /orders', body: '{"sku":"sku-mug","quantity":1}' })) as {
			statusCode: number;
			body: string;
		};
		expect(response.statusCode).toBe(502);
		expect(response.body).toContain('injected fault');
		expect(dynamodb.sent).toHaveLength(0);
	});

	it('inventory: reads the fault switch, reserves stock in DynamoDB and reports the total', async () => {
		const ssm = fakeClient({ GetParameterCommand: () => ({ Parameter: { Value: 'none' } }) });
		const dynamodb = fakeClient({ UpdateItemCommand: () => ({ Attributes: { reserved: { N: '12' } } }) });
		const handler = loadInlineHandler(
			inlineCode.InventoryFunction,
			{
				'@aws-sdk/client-ssm': { SSMClient: ssm.Client, ...ssm.commands },
				'@aws-sdk/client-dynamodb': { DynamoDBClient: dynamodb.Client, ...dynamodb.commands },
			},
			{ TABLE_NAME: 'orders-table', FAULT_PARAMETER: '/sre-lab/lab3/fault' },
		);
		expect(await handler({ sku: 'sku-kettle', quantity: 2 })).toEqual({
			ok: true,
			sku: 'sku-kettle',
			quantity: 2,
			reserved: 12,
		});
		expect(ssm.sent[0]?.input).toEqual({ Name: '/sre-lab/lab3/fault' });
		expect(dynamodb.sent[0]?.input).toMatchObject({
			Key: { pk: { S: 'stock#sku-kettle' } },
			ExpressionAttributeValues: { ':q': { N: '2' } },
		});
	});

	it('inventory: throws in errors mode when the dice say so', async () => {
		const ssm = fakeClient({ GetParameterCommand: () => ({ Parameter: { Value: 'errors' } }) });
		const dynamodb = fakeClient({ UpdateItemCommand: () => ({}) });
		const random = vi.spyOn(Math, 'random').mockReturnValue(0.2);
		const handler = loadInlineHandler(
			inlineCode.InventoryFunction,
			{
				'@aws-sdk/client-ssm': { SSMClient: ssm.Client, ...ssm.commands },
				'@aws-sdk/client-dynamodb': { DynamoDBClient: dynamodb.Client, ...dynamodb.commands },
			},
			{ TABLE_NAME: 't', FAULT_PARAMETER: '/sre-lab/lab3/fault' },
		);
		await expect(handler({ sku: 'sku-kettle', quantity: 1 })).rejects.toThrow('injected fault');
		random.mockRestore();
	});
});
