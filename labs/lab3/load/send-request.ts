import type { RequestOutcome } from './outcome.ts';
import type { PlannedRequest } from './traffic-mix.ts';

export interface SentRequest extends RequestOutcome {
	/** The new order's id, when the request placed one (used for later reads). */
	orderId?: string;
}

/** Sends one request with a deadline; a timeout or refused connection is an outcome, not a crash. */
export async function sendRequest(baseUrl: URL, request: PlannedRequest, timeoutMs: number): Promise<SentRequest> {
	const url = new URL(request.path.replace(/^\//, ''), baseUrl.href.endsWith('/') ? baseUrl : `${baseUrl.href}/`);
	const started = performance.now();
	try {
		const response = await fetch(url, {
			method: request.method,
			headers: request.body ? { 'content-type': 'application/json' } : undefined,
			body: request.body,
			signal: AbortSignal.timeout(timeoutMs),
		});
		const text = await response.text();
		const latencyMs = performance.now() - started;
		return { status: response.status, latencyMs, orderId: response.status === 201 ? orderIdOf(text) : undefined };
	} catch {
		return { status: null, latencyMs: performance.now() - started };
	}
}

function orderIdOf(body: string): string | undefined {
	try {
		const parsed = JSON.parse(body) as { id?: unknown };
		return typeof parsed.id === 'string' ? parsed.id : undefined;
	} catch {
		return undefined;
	}
}
