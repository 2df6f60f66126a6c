/** One request the load generator sent, reduced to what the summary needs. */
export interface RequestOutcome {
	/** HTTP status, or null when no response came back (timeout, connection refused, DNS). */
	status: number | null;
	latencyMs: number;
}

/** Server errors and network failures are what an error-rate alarm should see; 4xx are the client's. */
export function isServerFailure(outcome: RequestOutcome): boolean {
	return outcome.status === null || outcome.status >= 500;
}
