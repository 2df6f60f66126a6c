import { Readable } from 'node:stream';

export interface SeenRequest {
	hostname: string;
	port?: number;
	target: string | undefined;
}

type Reply = { status: number; body: unknown; errorType?: string };

/**
 * A requestHandler for real SDK clients that answers from a script instead of the network, so the
 * whole middleware stack (read-only guard, call counter, signing, retries) runs in tests.
 */
export function scriptedHttpHandler(replies: Reply[]) {
	const seen: SeenRequest[] = [];
	const handler = {
		async handle(request: { hostname: string; port?: number; headers: Record<string, string> }) {
			seen.push({ hostname: request.hostname, port: request.port, target: request.headers['x-amz-target'] });
			const reply = replies[Math.min(seen.length - 1, replies.length - 1)] as Reply;
			const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1' };
			if (reply.errorType) headers['x-amzn-errortype'] = reply.errorType;
			return {
				response: { statusCode: reply.status, headers, body: Readable.from([Buffer.from(JSON.stringify(reply.body))]) },
			};
		},
		updateHttpClientConfig() {},
		httpHandlerConfigs: () => ({}),
	};
	return { handler, seen };
}

export const throttled: Reply = {
	status: 400,
	errorType: 'ThrottlingException',
	body: { __type: 'ThrottlingException', message: 'Rate exceeded' },
};
