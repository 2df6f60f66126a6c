import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type {
	AwsCredentialIdentity,
	AwsCredentialIdentityProvider,
	DeserializeMiddleware,
	HandlerExecutionContext,
	InitializeMiddleware,
	MetadataBearer,
	Pluggable,
} from '@smithy/types';
import { callerIdentity } from '../collectors/sts/caller-identity.ts';
import { iamPrefixForClient, operationFromCommandName } from './aws-services.ts';
import { type CallCounter, createCallCounter } from './call-counter.ts';
import type { DeclaredReads } from './declared-reads.ts';
import { type CallSite, callSiteKey } from './errors.ts';
import { type HttpTimeouts, requestHandlerOptions } from './http-timeouts.ts';
import { readOnlyGuardPlugin } from './read-only-guard.ts';

/**
 * Any AWS SDK v3 client: what the provider needs to know about it. Only `use` of the middleware
 * stack, so a client built on an older @smithy/types major (the FIS client's newest release is)
 * plugs in the same way as the rest.
 */
export interface AwsClient {
	// Structural and with method syntax (checked bivariantly): each client types its stack by its own
	// service's inputs and outputs, and the FIS client by an older @smithy/types major.
	// biome-ignore lint/suspicious/noExplicitAny: the stack's type differs per client; the plugins below only add middleware to it.
	middlewareStack: { use(pluggable: { applyToStack(stack: any): void }): void };
	destroy(): void;
}
// biome-ignore lint/suspicious/noExplicitAny: each SDK client has its own config type; the provider passes the shared subset.
export type AwsClientClass<C extends AwsClient> = new (config: any) => C;

export interface ClientProviderOptions {
	region: string;
	/**
	 * The reads these clients are for (the collectors in use, a preflight's declared reads): the
	 * read-only guard lets through exactly the operations they declare, plus the caller-identity read
	 * the engine always makes. Anything else is refused before it is sent.
	 */
	reads: readonly DeclaredReads[];
	/** Credentials or a provider; defaults to the standard chain (env, profile, SSO, CloudShell, instance role). */
	credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
	/** Named profile for the default chain. */
	profile?: string;
	/**
	 * One endpoint for every service (LocalStack, moto). Without it the SDK still honours
	 * AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> from the environment or the profile.
	 */
	endpointUrl?: string;
	/** Attempts per call including the first; throttling is retried with backoff up to this. */
	maxAttempts?: number;
	retryMode?: 'standard' | 'adaptive';
	/** Connection and request timeouts; defaultHttpTimeouts unless given (tests shorten them). */
	timeouts?: HttpTimeouts;
	counter?: CallCounter;
	/** Extra client configuration, e.g. a requestHandler in tests. */
	clientConfig?: Record<string, unknown>;
}

export interface ClientProvider {
	readonly region: string;
	readonly counter: CallCounter;
	/** The one client of this class for this provider's account and region, created on first use. */
	get<C extends AwsClient>(clientClass: AwsClientClass<C>): C;
	/** Closes every client's sockets. */
	destroy(): void;
}

/**
 * Adaptive retry adds client-side rate limiting on top of exponential backoff, which is what a
 * grader sweeping many Describe calls needs when an account is shared by a whole cohort.
 */
export const defaultMaxAttempts = 8;

function callCounterPlugin(counter: CallCounter, region: string): Pluggable<object, MetadataBearer> {
	const siteOf = (context: HandlerExecutionContext): CallSite => ({
		service: iamPrefixForClient(context.clientName ?? ''),
		operation: operationFromCommandName(context.commandName ?? ''),
		region,
	});
	// Outside the retry loop: one per logical call. Stamps where the call was going (service, operation,
	// Region) on its error, so the error's advice can name the action and spot a mistyped Region.
	const countCalls: InitializeMiddleware<object, MetadataBearer> = (next, context) => async (args) => {
		const site = siteOf(context);
		counter.recordCall(site.service, site.operation);
		try {
			return await next(args);
		} catch (error) {
			counter.recordFailure(site.service, site.operation);
			if (typeof error === 'object' && error !== null) {
				Object.defineProperty(error, callSiteKey, { value: site, enumerable: false, configurable: true });
			}
			throw error;
		}
	};
	// Inside the retry loop (deserialize runs once per attempt): counts attempts, so retries show.
	const countAttempts: DeserializeMiddleware<object, MetadataBearer> = (next, context) => async (args) => {
		const site = siteOf(context);
		counter.recordAttempt(site.service, site.operation);
		return next(args);
	};
	return {
		applyToStack: (stack) => {
			stack.add(countCalls, { step: 'initialize', priority: 'high', name: 'sreLabCallCounter', override: true });
			stack.add(countAttempts, { step: 'deserialize', priority: 'low', name: 'sreLabAttemptCounter', override: true });
		},
	};
}

export function createClientProvider(options: ClientProviderOptions): ClientProvider {
	const counter = options.counter ?? createCallCounter();
	// One credentials provider for every client of the account: resolved once, refreshed once.
	const credentials = options.credentials ?? fromNodeProviderChain(options.profile ? { profile: options.profile } : {});
	const envAttempts = Number(process.env.AWS_MAX_ATTEMPTS);
	const maxAttempts = options.maxAttempts ?? (envAttempts > 0 ? envAttempts : defaultMaxAttempts);
	const clients = new Map<AwsClientClass<AwsClient>, AwsClient>();
	const guard = readOnlyGuardPlugin([callerIdentity, ...options.reads]);
	return {
		region: options.region,
		counter,
		get<C extends AwsClient>(clientClass: AwsClientClass<C>): C {
			const existing = clients.get(clientClass);
			if (existing) return existing as C;
			const client = new clientClass({
				region: options.region,
				credentials,
				maxAttempts,
				retryMode: options.retryMode ?? 'adaptive',
				...(options.profile ? { profile: options.profile } : {}),
				...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}),
				// Without timeouts a stalled connection would hang the grader for good.
				requestHandler: requestHandlerOptions(options.timeouts),
				...options.clientConfig,
			});
			client.middlewareStack.use(guard);
			client.middlewareStack.use(callCounterPlugin(counter, options.region));
			clients.set(clientClass, client);
			return client;
		},
		destroy() {
			for (const client of clients.values()) client.destroy();
			clients.clear();
		},
	};
}
