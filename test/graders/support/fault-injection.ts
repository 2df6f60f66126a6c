import type { AwsClient, AwsClientClass, ClientProvider } from '../../../graders/engine/clients.ts';

/**
 * Faults injected in front of a simulated account, as the SDK hands them to a collector once its
 * retries are spent (aws-sdk-client-mock answers `send`, so no retry middleware runs: each injected
 * fault is the final one). Error names and status codes follow each service's API reference and the
 * common errors of AWS APIs: EC2 says RequestLimitExceeded / UnauthorizedOperation, the query-protocol
 * services (IAM, STS, CloudWatch, CloudFormation, SNS) Throttling / AccessDenied (SNS:
 * AuthorizationError), the JSON services ThrottlingException / AccessDeniedException.
 */
export type FaultKind = 'throttled' | 'reset' | 'denied' | 'server-error';

export interface FaultPlan {
	seed: number;
	/** Chance per call of each transient fault. */
	throttle: number;
	reset: number;
	serverError: number;
	/** Chance per operation (service:Operation) of being denied for the whole run, as a missing grant is. */
	deny: number;
}

/** A 32-bit FNV-1a hash, then a float in [0, 1): the same question always gets the same answer. */
function chance(...parts: (string | number)[]): number {
	let hash = 0x811c9dc5;
	for (const char of parts.join('\u0000')) {
		hash ^= char.codePointAt(0) ?? 0;
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	// A final avalanche (murmur3's fmix32), so nearby seeds give unrelated answers.
	hash ^= hash >>> 16;
	hash = Math.imul(hash, 0x85ebca6b) >>> 0;
	hash ^= hash >>> 13;
	hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
	hash ^= hash >>> 16;
	// XOR gives a signed 32-bit integer: make it unsigned before scaling.
	return (hash >>> 0) / 2 ** 32;
}

const queryProtocol = new Set(['iam', 'sts', 'cloudwatch', 'cloudformation', 'sns']);

const serviceByClient: Record<string, string> = {
	ApiGatewayV2Client: 'apigateway',
	ApplicationSignalsClient: 'application-signals',
	CloudWatchLogsClient: 'logs',
	EventBridgeClient: 'events',
	ResourceGroupsClient: 'resource-groups',
	XRayClient: 'xray',
};
const serviceOf = (client: object) => {
	const name = client.constructor.name;
	return serviceByClient[name] ?? name.replace(/Client$/, '').toLowerCase();
};

function faultError(kind: FaultKind, service: string, operation: string): Error {
	const action = `${service}:${operation}`;
	const metadata = (httpStatusCode: number | undefined) => ({
		$metadata: {
			httpStatusCode,
			requestId: '6f2c1a4e-0000-4000-8000-000000000000',
			attempts: 8,
			totalRetryDelay: 41_000,
		},
	});
	switch (kind) {
		case 'throttled': {
			const name =
				service === 'ec2' ? 'RequestLimitExceeded' : queryProtocol.has(service) ? 'Throttling' : 'ThrottlingException';
			return Object.assign(new Error('Rate exceeded'), { name, ...metadata(400) });
		}
		case 'reset':
			// What Node's socket raises when the peer resets the connection mid-response.
			return Object.assign(new Error('read ECONNRESET'), {
				code: 'ECONNRESET',
				errno: -104,
				syscall: 'read',
				...metadata(undefined),
			});
		case 'server-error': {
			const unavailable = chance(service, operation) < 0.5;
			return Object.assign(
				new Error(unavailable ? 'Service Unavailable' : 'We encountered an internal error. Please try again.'),
				{
					name: unavailable ? 'ServiceUnavailable' : 'InternalFailure',
					...metadata(unavailable ? 503 : 500),
				},
			);
		}
		case 'denied': {
			const who = 'User: arn:aws:sts::123456789012:assumed-role/SreLabGrader/sre-lab-grader';
			const message = `${who} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`;
			const name =
				service === 'ec2'
					? 'UnauthorizedOperation'
					: service === 'sns'
						? 'AuthorizationError'
						: queryProtocol.has(service)
							? 'AccessDenied'
							: 'AccessDeniedException';
			return Object.assign(
				new Error(service === 'ec2' ? `You are not authorized to perform this operation. ${message}` : message),
				{
					name,
					...metadata(service === 'ec2' || queryProtocol.has(service) ? 403 : 400),
				},
			);
		}
	}
}

export interface FaultLog {
	injected: { kind: FaultKind; action: string }[];
}

/**
 * The fault a call meets under `plan`, decided by the call itself (operation, input, and how many
 * times this same request was sent before), never by the order in which parallel reads happen to run.
 */
function faultFor(
	plan: FaultPlan,
	service: string,
	operation: string,
	input: string,
	repeat: number,
): FaultKind | null {
	const action = `${service}:${operation}`;
	if (chance(plan.seed, 'deny', action) < plan.deny) return 'denied';
	const roll = chance(plan.seed, 'call', action, input, repeat);
	if (roll < plan.throttle) return 'throttled';
	if (roll < plan.throttle + plan.reset) return 'reset';
	if (roll < plan.throttle + plan.reset + plan.serverError) return 'server-error';
	return null;
}

/** A client provider whose clients meet `plan`'s faults before the simulated account answers. */
export function withFaults(clients: ClientProvider, plan: FaultPlan, log: FaultLog): ClientProvider {
	const wrapped = new WeakSet<object>();
	const sent = new Map<string, number>();
	return {
		region: clients.region,
		counter: clients.counter,
		destroy: () => clients.destroy(),
		get<C extends AwsClient>(clientClass: AwsClientClass<C>): C {
			const client = clients.get(clientClass);
			if (wrapped.has(client)) return client;
			wrapped.add(client);
			const service = serviceOf(client);
			const target = client as unknown as { send: (command: object, ...rest: unknown[]) => Promise<unknown> };
			const send = target.send.bind(client);
			target.send = (command, ...rest) => {
				const operation = command.constructor.name.replace(/Command$/, '');
				const input = JSON.stringify((command as { input?: unknown }).input ?? {});
				const key = `${service}:${operation}:${input}`;
				const repeat = sent.get(key) ?? 0;
				sent.set(key, repeat + 1);
				const fault = faultFor(plan, service, operation, input, repeat);
				if (!fault) return send(command, ...rest);
				log.injected.push({ kind: fault, action: `${service}:${operation}` });
				return Promise.reject(faultError(fault, service, operation));
			};
			return client;
		},
	};
}

/**
 * Fault plans for `rounds` rounds from one seed: each round mixes the faults in its own proportions,
 * mostly light (a cubed draw), so that most checks still get graded and one lost read can decide a
 * verdict, with now and then a round of heavy throttling or many missing grants.
 */
export function faultPlans(seed: number, rounds: number): FaultPlan[] {
	return Array.from({ length: rounds }, (_, round) => {
		const pick = (what: string, max: number) => chance(seed, round, what) ** 3 * max;
		return {
			seed: seed * 1000 + round,
			throttle: pick('throttle', 0.3),
			reset: pick('reset', 0.1),
			serverError: pick('server-error', 0.05),
			deny: pick('deny', 0.25),
		};
	});
}
