'use strict';
// The orders service: the front door behind the HTTP API. POST /orders reserves stock through the
// inventory service and stores the order in DynamoDB; GET /orders/{id} reads it back.
const { randomUUID } = require('node:crypto');

function respond(statusCode, body) {
	return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

// HTTP API (payload format 2.0) may base64-encode the body; bad JSON is the client's mistake (400).
function parseBody(event) {
	if (!event.body) return {};
	const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}

function createOrdersHandler({ reserveStock, saveOrder, loadOrder, newId, now }) {
	async function placeOrder(event) {
		const body = parseBody(event);
		if (body === null || typeof body !== 'object') return respond(400, { message: 'body must be a JSON object' });
		const request = { sku: body.sku, quantity: body.quantity };
		const reservation = await reserveStock(request);
		// A failed dependency is our failure, not the client's: 502, so it counts in the API's 5xx.
		if (reservation.failed) return respond(502, { message: 'inventory service failed', detail: reservation.failed });
		if (!reservation.ok) return respond(400, { message: reservation.reason });
		const order = { id: newId(), sku: request.sku, quantity: request.quantity, createdAt: now().toISOString() };
		await saveOrder(order);
		return respond(201, order);
	}

	async function getOrder(event) {
		const order = await loadOrder(event.pathParameters?.id ?? '');
		return order ? respond(200, order) : respond(404, { message: 'no such order' });
	}

	return async function handler(event) {
		if (event.routeKey === 'POST /orders') return placeOrder(event);
		if (event.routeKey === 'GET /orders/{id}') return getOrder(event);
		return respond(404, { message: `no route for ${event.routeKey}` });
	};
}

// The AWS wiring is built on first use, so loading this file needs no AWS SDK (tests, linting).
function createAwsOrdersHandler(env) {
	const { DynamoDBClient, PutItemCommand, GetItemCommand } = require('@aws-sdk/client-dynamodb');
	const { LambdaClient, InvokeCommand } = require('@aws-sdk/client-lambda');
	const dynamodb = new DynamoDBClient({});
	const lambda = new LambdaClient({});
	return createOrdersHandler({
		reserveStock: async (request) => {
			const result = await lambda.send(
				new InvokeCommand({ FunctionName: env.INVENTORY_FUNCTION, Payload: JSON.stringify(request) }),
			);
			const payload = JSON.parse(Buffer.from(result.Payload ?? []).toString('utf8') || '{}');
			return result.FunctionError ? { failed: payload.errorMessage ?? result.FunctionError } : payload;
		},
		saveOrder: async (order) => {
			await dynamodb.send(
				new PutItemCommand({
					TableName: env.TABLE_NAME,
					Item: {
						pk: { S: `order#${order.id}` },
						sku: { S: order.sku },
						quantity: { N: String(order.quantity) },
						createdAt: { S: order.createdAt },
					},
				}),
			);
		},
		loadOrder: async (id) => {
			const result = await dynamodb.send(
				new GetItemCommand({ TableName: env.TABLE_NAME, Key: { pk: { S: `order#${id}` } } }),
			);
			const item = result.Item;
			if (!item) return null;
			return { id, sku: item.sku.S, quantity: Number(item.quantity.N), createdAt: item.createdAt.S };
		},
		newId: randomUUID,
		now: () => new Date(),
	});
}

let awsHandler;
async function handler(event) {
	awsHandler ??= createAwsOrdersHandler(process.env);
	return awsHandler(event);
}

module.exports = { parseBody, createOrdersHandler, handler };
