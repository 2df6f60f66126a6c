import {
	CloudWatchLogsClient,
	DeleteLogGroupCommand,
	DescribeLogGroupsCommand,
	PutMetricFilterCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClientProvider } from '../../../graders/engine/clients.ts';
import { classifyReadError, ReadOnlyViolation } from '../../../graders/engine/errors.ts';
import { scriptedHttpHandler, throttled } from '../support/fake-http.ts';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' };
const ok = { status: 200, body: { logGroups: [{ logGroupName: '/sre-lab/lab1/access' }] } };

afterEach(() => {
	vi.useRealTimers();
});

describe('createClientProvider', () => {
	it('retries with the adaptive strategy and 8 attempts by default, or AWS_MAX_ATTEMPTS', async () => {
		const clients = createClientProvider({ region: 'eu-west-1', credentials });
		const logs = clients.get(CloudWatchLogsClient);
		expect(await logs.config.maxAttempts()).toBe(8);
		expect(await logs.config.retryStrategy()).toMatchObject({ mode: 'adaptive' });
		clients.destroy();
		vi.stubEnv('AWS_MAX_ATTEMPTS', '12');
		try {
			const fromEnv = createClientProvider({ region: 'eu-west-1', credentials });
			expect(await fromEnv.get(CloudWatchLogsClient).config.maxAttempts()).toBe(12);
			fromEnv.destroy();
		} finally {
			vi.unstubAllEnvs();
		}
	});

	it('creates one client per service and reuses it', () => {
		const clients = createClientProvider({ region: 'eu-west-1', credentials });
		expect(clients.get(CloudWatchLogsClient)).toBe(clients.get(CloudWatchLogsClient));
		clients.destroy();
	});

	it('refuses a write before anything is sent', async () => {
		const { handler, seen } = scriptedHttpHandler([ok]);
		const clients = createClientProvider({
			region: 'eu-west-1',
			credentials,
			clientConfig: { requestHandler: handler },
		});
		const logs = clients.get(CloudWatchLogsClient);
		await expect(logs.send(new DeleteLogGroupCommand({ logGroupName: '/sre-lab/lab1/access' }))).rejects.toThrow(
			ReadOnlyViolation,
		);
		await expect(
			logs.send(
				new PutMetricFilterCommand({
					logGroupName: 'x',
					filterName: 'f',
					filterPattern: '',
					metricTransformations: [],
				}),
			),
		).rejects.toThrow('refused logs:PutMetricFilter');
		expect(seen).toEqual([]);
		await logs.send(new DescribeLogGroupsCommand({}));
		expect(seen).toHaveLength(1);
	});

	it('retries throttling with backoff and counts calls and attempts per operation', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout'] });
		const { handler, seen } = scriptedHttpHandler([throttled, throttled, ok]);
		const clients = createClientProvider({
			region: 'eu-west-1',
			credentials,
			retryMode: 'standard',
			clientConfig: { requestHandler: handler },
		});
		const pending = clients.get(CloudWatchLogsClient).send(new DescribeLogGroupsCommand({}));
		await vi.advanceTimersByTimeAsync(60_000);
		const result = await pending;
		expect(result.logGroups?.[0]?.logGroupName).toBe('/sre-lab/lab1/access');
		expect(seen).toHaveLength(3);
		expect(clients.counter.counts()).toEqual([
			{ service: 'logs', operation: 'DescribeLogGroups', calls: 1, attempts: 3, failures: 0 },
		]);
	});

	it('gives up after maxAttempts and reports the throttling as a typed error naming the action', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout'] });
		const { handler, seen } = scriptedHttpHandler([throttled]);
		const clients = createClientProvider({
			region: 'eu-west-1',
			credentials,
			maxAttempts: 3,
			retryMode: 'standard',
			clientConfig: { requestHandler: handler },
		});
		const pending = clients
			.get(CloudWatchLogsClient)
			.send(new DescribeLogGroupsCommand({}))
			.catch((error: unknown) => error);
		await vi.advanceTimersByTimeAsync(60_000);
		const error = await pending;
		expect(seen).toHaveLength(3);
		const readError = classifyReadError(error, { service: 'unknown', operation: 'unknown' });
		expect(readError).toMatchObject({
			kind: 'throttled',
			service: 'logs',
			operation: 'DescribeLogGroups',
			action: 'logs:DescribeLogGroups',
		});
		expect(readError.message).toContain('after 3 attempts');
		expect(clients.counter.counts()[0]).toMatchObject({ calls: 1, attempts: 3, failures: 1 });
	});

	it('sends every call to --endpoint-url when one is given', async () => {
		const { handler, seen } = scriptedHttpHandler([ok]);
		const clients = createClientProvider({
			region: 'us-east-1',
			credentials,
			endpointUrl: 'http://localhost:4566',
			clientConfig: { requestHandler: handler },
		});
		await clients.get(CloudWatchLogsClient).send(new DescribeLogGroupsCommand({}));
		expect(seen[0]).toMatchObject({ hostname: 'localhost', port: 4566 });
	});

	it('honours AWS_ENDPOINT_URL from the environment for every service when no flag is given', async () => {
		vi.stubEnv('AWS_ENDPOINT_URL', 'http://127.0.0.1:4566');
		try {
			const { handler, seen } = scriptedHttpHandler([ok]);
			const clients = createClientProvider({
				region: 'us-east-1',
				credentials,
				clientConfig: { requestHandler: handler },
			});
			await clients.get(CloudWatchLogsClient).send(new DescribeLogGroupsCommand({}));
			expect(seen[0]).toMatchObject({ hostname: '127.0.0.1', port: 4566 });
		} finally {
			vi.unstubAllEnvs();
		}
	});

	it('honours AWS_ENDPOINT_URL_<SERVICE> from the environment when no flag is given', async () => {
		vi.stubEnv('AWS_ENDPOINT_URL_CLOUDWATCH_LOGS', 'http://127.0.0.1:5000');
		try {
			const { handler, seen } = scriptedHttpHandler([ok]);
			const clients = createClientProvider({
				region: 'us-east-1',
				credentials,
				clientConfig: { requestHandler: handler },
			});
			await clients.get(CloudWatchLogsClient).send(new DescribeLogGroupsCommand({}));
			expect(seen[0]).toMatchObject({ hostname: '127.0.0.1', port: 5000 });
		} finally {
			vi.unstubAllEnvs();
		}
	});
});
