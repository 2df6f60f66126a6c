import type { NodeHttpHandlerOptions } from '@smithy/types';

/** How long a grader waits on the network before a call counts as failed (and is retried). */
export interface HttpTimeouts {
	/** To open the TCP connection. */
	connectionMs: number;
	/** For the whole request and response, once connected. */
	requestMs: number;
}

/**
 * The SDK waits forever by default, so one stalled connection (a dead proxy, a firewall that drops
 * packets, an emulator that accepts and never answers) would hang `sre-lab check` for good. AWS
 * connects in well under a second and the graders' reads answer in a few; these bounds leave ample
 * room for a slow network, and the retry strategy still retries a call that timed out.
 */
export const defaultHttpTimeouts: HttpTimeouts = { connectionMs: 10_000, requestMs: 30_000 };

/**
 * NodeHttpHandler options (the SDK client's `requestHandler` accepts them in place of a handler).
 * `throwOnRequestTimeout` makes a request that outlives `requestTimeout` fail with a TimeoutError;
 * without it the handler only logs a warning and keeps waiting.
 */
export function requestHandlerOptions(timeouts: HttpTimeouts = defaultHttpTimeouts): NodeHttpHandlerOptions {
	return {
		connectionTimeout: timeouts.connectionMs,
		requestTimeout: timeouts.requestMs,
		throwOnRequestTimeout: true,
	};
}
