import { Readable } from 'node:stream';
import {
	CloudWatchLogsClient,
	DeleteLogGroupCommand,
	DescribeLogGroupsCommand,
	PutMetricFilterCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { DescribeParametersCommand, GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import {
	AssumeRoleCommand,
	GetCallerIdentityCommand,
	GetFederationTokenCommand,
	GetSessionTokenCommand,
	STSClient,
} from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAccountCredentials } from '../../../graders/cohort/account-credentials.ts';
import { createClientProvider } from '../../../graders/engine/clients.ts';
import { classifyReadError, ReadOnlyViolation } from '../../../graders/engine/errors.ts';
import { scriptedHttpHandler, throttled } from '../support/fake-http.ts';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' };
/** What these clients are for: the guard allows this read and refuses everything else. */
const reads = [{ iamActions: ['logs:DescribeLogGroups'] }];
const ok = { status: 200, body: { logGroups: [{ logGroupName: '/sre-lab/lab1/access' }] } };

afterEach(() => {
	vi.useRealTimers();
});

describe('createClientProvider', () => {
	it('retries with the adaptive strategy and 8 attempts by default, or AWS_MAX_ATTEMPTS', async () => {
		const clients = createClientProvider({ region: 'eu-west-1', reads, credentials });
		const logs = clients.get(CloudWatchLogsClient);
		expect(await logs.config.maxAttempts()).toBe(8);
		expect(await logs.config.retryStrategy()).toMatchObject({ mode: 'adaptive' });
		clients.destroy();
		vi.stubEnv('AWS_MAX_ATTEMPTS', '12');
		try {
			const fromEnv = createClientProvider({ region: 'eu-west-1', reads, credentials });
			expect(await fromEnv.get(CloudWatchLogsClient).config.maxAttempts()).toBe(12);
			fromEnv.destroy();
		} finally {
			vi.unstubAllEnvs();
		}
	});

	it('creates one client per service and reuses it', () => {
		const clients = createClientProvider({ region: 'eu-west-1', reads, credentials });
		expect(clients.get(CloudWatchLogsClient)).toBe(clients.get(CloudWatchLogsClient));
		clients.destroy();
	});

	it('refuses a write before anything is sent', async () => {
		const { handler, seen } = scriptedHttpHandler([ok]);
		const clients = createClientProvider({
			region: 'eu-west-1',
			reads,
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
			reads,
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
			reads,
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
			reads,
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
				reads,
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
				reads,
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

/** An HTTP layer answering STS the way AWS does (query protocol, XML), remembering each Action. */
function fakeSts() {
	const actions: string[] = [];
	const xml: Record<string, string> = {
		AssumeRole:
			'<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIAGRADER0000000000</AccessKeyId><SecretAccessKey>temp-secret</SecretAccessKey><SessionToken>temp-token</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>',
		GetCallerIdentity:
			'<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:sts::123456789012:assumed-role/SreLabGrader/sre-lab-grader</Arn><UserId>AROAEXAMPLE:sre-lab-grader</UserId><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>',
	};
	const requestHandler = {
		async handle(request: { body?: unknown }) {
			const action = new URLSearchParams(String(request.body)).get('Action') ?? '';
			actions.push(action);
			return {
				response: {
					statusCode: 200,
					headers: { 'content-type': 'text/xml' },
					body: Readable.from([Buffer.from(xml[action] ?? '')]),
				},
			};
		},
		updateHttpClientConfig() {},
		httpHandlerConfigs: () => ({}),
	};
	return { actions, requestHandler };
}

describe('the read-only guard on every client', () => {
	it('refuses a decrypting GetParameter before anything is sent, even when ssm:GetParameter is declared', async () => {
		const { handler, seen } = scriptedHttpHandler([ok]);
		const clients = createClientProvider({
			region: 'eu-west-1',
			reads: [{ iamActions: ['ssm:GetParameter'] }],
			credentials,
			clientConfig: { requestHandler: handler },
		});
		const ssm = clients.get(SSMClient);
		await expect(
			ssm.send(new GetParameterCommand({ Name: '/sre-lab/lab2/db-password', WithDecryption: true })),
		).rejects.toThrow('refused ssm:GetParameter: WithDecryption would decrypt SecureString values');
		await expect(ssm.send(new DescribeParametersCommand({}))).rejects.toThrow(
			'refused ssm:DescribeParameters: no read in use declares it',
		);
		expect(seen).toEqual([]);
		clients.destroy();
	});

	it('refuses STS calls that mint credentials, and always allows the caller-identity read', async () => {
		const sts = fakeSts();
		const clients = createClientProvider({
			region: 'eu-west-1',
			reads: [{ iamActions: ['sts:GetSessionToken', 'sts:GetFederationToken'] }],
			credentials,
			clientConfig: { requestHandler: sts.requestHandler },
		});
		const client = clients.get(STSClient);
		await expect(client.send(new GetSessionTokenCommand({}))).rejects.toThrow(ReadOnlyViolation);
		await expect(client.send(new GetFederationTokenCommand({ Name: 'x' }))).rejects.toThrow(
			'refused sts:GetFederationToken: it mints AWS credentials',
		);
		const identity = await client.send(new GetCallerIdentityCommand({}));
		expect(identity.Account).toBe('123456789012');
		expect(sts.actions).toEqual(['GetCallerIdentity']);
		clients.destroy();
	});

	it("lets the cohort provider assume the grader role: it runs on the provider's own STS client, outside the guard", async () => {
		const instructorSts = fakeSts();
		const learnerSts = fakeSts();
		const clients = createClientProvider({
			region: 'eu-west-1',
			reads: [],
			credentials: createAccountCredentials({
				roleArn: 'arn:aws:iam::123456789012:role/SreLabGrader',
				externalId: 'spring-2026',
				region: 'eu-west-1',
				masterCredentials: async () => credentials,
				stsClientConfig: { requestHandler: instructorSts.requestHandler },
			}),
			clientConfig: { requestHandler: learnerSts.requestHandler },
		});
		const identity = await clients.get(STSClient).send(new GetCallerIdentityCommand({}));
		expect(identity.Account).toBe('123456789012');
		expect(instructorSts.actions).toEqual(['AssumeRole']);
		expect(learnerSts.actions).toEqual(['GetCallerIdentity']);
		// The same AssumeRole through an engine client is refused: only the provider may mint credentials.
		await expect(
			clients
				.get(STSClient)
				.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/Admin', RoleSessionName: 'x' })),
		).rejects.toThrow(ReadOnlyViolation);
		clients.destroy();
	});
});
