'use strict';
// The inventory service: reserves stock for an order. The orders service invokes it directly
// (Lambda Invoke), so it is the downstream hop in every trace, and the place where the fault
// switch injects latency or errors: the symptom shows at the API, the cause one hop further down.
const { createFaultSwitch, faultEffect } = require('./fault-switch.cjs');

const CATALOGUE = ['sku-kettle', 'sku-teapot', 'sku-mug', 'sku-filter'];
const MAX_QUANTITY = 10;

function parseReservation(event) {
	const sku = event?.sku;
	const quantity = event?.quantity;
	if (!CATALOGUE.includes(sku)) return { ok: false, reason: `unknown sku: ${String(sku)}` };
	if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
		return { ok: false, reason: `quantity must be a whole number from 1 to ${MAX_QUANTITY}` };
	}
	return { ok: true, sku, quantity };
}

// Dependencies come in as functions so the logic runs in tests without AWS.
function createInventoryHandler({ currentFault, reserve, sleep, random }) {
	return async function handler(event) {
		const effect = faultEffect(await currentFault(), random);
		if (effect.delayMs > 0) await sleep(effect.delayMs);
		// Throwing (rather than returning an error) makes Lambda count it in the Errors metric
		// and mark the trace segment as faulted, as a real crash would.
		if (effect.fail) throw new Error('injected fault: inventory unavailable');
		const request = parseReservation(event);
		if (!request.ok) return { ok: false, reason: request.reason };
		const reserved = await reserve(request.sku, request.quantity);
		return { ok: true, sku: request.sku, quantity: request.quantity, reserved };
	};
}

// The AWS wiring is built on first use, so loading this file needs no AWS SDK (tests, linting).
function createAwsInventoryHandler(env) {
	const { DynamoDBClient, UpdateItemCommand } = require('@aws-sdk/client-dynamodb');
	const { SSMClient, GetParameterCommand } = require('@aws-sdk/client-ssm');
	const dynamodb = new DynamoDBClient({});
	const ssm = new SSMClient({});
	return createInventoryHandler({
		currentFault: createFaultSwitch({
			readParameter: async () =>
				(await ssm.send(new GetParameterCommand({ Name: env.FAULT_PARAMETER }))).Parameter?.Value,
		}),
		reserve: async (sku, quantity) => {
			const result = await dynamodb.send(
				new UpdateItemCommand({
					TableName: env.TABLE_NAME,
					Key: { pk: { S: `stock#${sku}` } },
					UpdateExpression: 'ADD reserved :q',
					ExpressionAttributeValues: { ':q': { N: String(quantity) } },
					ReturnValues: 'UPDATED_NEW',
				}),
			);
			return Number(result.Attributes?.reserved?.N ?? quantity);
		},
		sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
		random: Math.random,
	});
}

let awsHandler;
async function handler(event) {
	awsHandler ??= createAwsInventoryHandler(process.env);
	return awsHandler(event);
}

module.exports = { CATALOGUE, MAX_QUANTITY, parseReservation, createInventoryHandler, handler };
