import { createServer, type Server, type Socket } from 'node:net';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';
import { createClientProvider } from '../../../graders/engine/clients.ts';
import { collectSnapshot } from '../../../graders/engine/collect.ts';
import { classifyReadError } from '../../../graders/engine/errors.ts';
import { defaultHttpTimeouts } from '../../../graders/engine/http-timeouts.ts';

const credentials = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' };
const window = { since: '2026-11-22T00:00:00.000Z', until: '2026-11-23T00:00:00.000Z' };

/** A loopback server that accepts every connection and never answers: a stalled endpoint. */
async function silentServer(): Promise<{ url: string; close(): Promise<void> }> {
	const sockets: Socket[] = [];
	const server: Server = createServer((socket) => {
		sockets.push(socket);
		socket.on('error', () => {});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	return {
		url: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
	await cleanup?.();
	cleanup = undefined;
});

describe('SDK clients time out on a stalled connection', () => {
	it('records a read from an endpoint that accepts and never answers as a network error naming the timeout', async () => {
		const server = await silentServer();
		cleanup = server.close;
		const options = {
			region: 'eu-west-1',
			reads: [],
			credentials,
			endpointUrl: server.url,
			maxAttempts: 2,
			timeouts: { connectionMs: 1_000, requestMs: 300 },
		};
		const clients = createClientProvider(options);
		try {
			const started = Date.now();
			const snapshot = await collectSnapshot({ collectors: [], clients, region: 'eu-west-1', window });
			expect(Date.now() - started).toBeLessThan(5_000);
			const identity = snapshot.reads['sts.caller-identity'];
			expect(identity).toMatchObject({ ok: false, error: { kind: 'network', action: 'sts:GetCallerIdentity' } });
			expect(identity?.ok === false && identity.error.message).toBe(
				'The sts endpoint did not answer sts:GetCallerIdentity within 0.3 s (2 attempts): the connection stalled. Check your network connection or --endpoint-url, then run the grader again.',
			);
		} finally {
			clients.destroy();
		}
	});

	it('sets the default connection and request timeouts when none are given', async () => {
		// A closed port: the call fails at once, after the handler has resolved its configuration.
		const server = await silentServer();
		await server.close();
		const options = { region: 'eu-west-1', reads: [], credentials, endpointUrl: server.url, maxAttempts: 1 };
		const clients = createClientProvider(options);
		try {
			const sts = clients.get(STSClient);
			await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toThrow();
			const handler = sts.config.requestHandler as { httpHandlerConfigs(): Record<string, unknown> };
			expect(handler.httpHandlerConfigs()).toMatchObject({
				connectionTimeout: defaultHttpTimeouts.connectionMs,
				requestTimeout: defaultHttpTimeouts.requestMs,
				throwOnRequestTimeout: true,
			});
		} finally {
			clients.destroy();
		}
	});
});

describe('classifyReadError words a timeout as one', () => {
	const site = { service: 'logs', operation: 'DescribeLogGroups', region: 'eu-west-1' };

	it('a connection that was never established (the handler message of @smithy/node-http-handler)', () => {
		const error = Object.assign(
			new Error(
				'@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 10000 ms.',
			),
			{ name: 'TimeoutError', $metadata: { attempts: 8 } },
		);
		expect(classifyReadError(error, site)).toMatchObject({
			kind: 'network',
			message:
				'The logs endpoint did not answer logs:DescribeLogGroups within 10 s (8 attempts): the connection stalled. Check your network connection or --endpoint-url, then run the grader again.',
		});
	});

	it('a socket timed out by the operating system', () => {
		const error = Object.assign(new Error('connect ETIMEDOUT 52.94.5.100:443'), { code: 'ETIMEDOUT' });
		expect(classifyReadError(error, site).message).toBe(
			'The logs endpoint did not answer logs:DescribeLogGroups: the connection stalled. Check your network connection or --endpoint-url, then run the grader again.',
		);
	});
});

describe('classifyReadError on answers that are not a usable AWS response', () => {
	const site = { service: 'logs', operation: 'TestMetricFilter', region: 'eu-west-1' };

	it('an HTML error page (an emulator lacking the operation): says the body is not an AWS response', () => {
		// What the SDK throws when a JSON protocol gets moto's "500 Internal Server Error" HTML page.
		const error = Object.assign(
			new SyntaxError(
				`Unexpected token '<', "<!doctype "... is not valid JSON\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.`,
			),
			{ $metadata: { httpStatusCode: 500, attempts: 2 } },
		);
		const classified = classifyReadError(error, site);
		expect(classified.kind).toBe('other');
		expect(classified.message).toBe(
			'The logs endpoint answered logs:TestMetricFilter with HTTP 500 and a body that is not an AWS response, so it could not be read. An emulator (--endpoint-url) answers this way for an operation it does not implement, a proxy for a request it blocks; from AWS itself, run the grader again.',
		);
	});

	it('an AWS server error that outlasted the retries', () => {
		const error = Object.assign(new Error('Internal service error'), {
			name: 'ServiceUnavailableException',
			$metadata: { httpStatusCode: 503, attempts: 8 },
		});
		expect(classifyReadError(error, site).message).toBe(
			'AWS failed logs:TestMetricFilter with a server error (ServiceUnavailableException, HTTP 503) after 8 attempts. Run the grader again in a few minutes.',
		);
	});
});
