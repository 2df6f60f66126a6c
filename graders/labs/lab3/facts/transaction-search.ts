import type { TraceDestination } from '../../../collectors/xray/trace-destination.ts';
import { ReadFailed } from '../../../engine/errors.ts';
import type { SnapshotView } from '../../../engine/types.ts';

export const traceDestinationRead = 'xray.trace-destination';

/**
 * What a learner must know when the grader found too few traces: with CloudWatch Transaction Search
 * on, spans go to CloudWatch Logs and X-Ray indexes only a share of them (1 % by default) as the trace
 * summaries the grader reads. Empty when X-Ray is the destination. When the destination could not be
 * read, "no traces" cannot be told from "traces not indexed", so the verdict becomes an error — except
 * where the API does not exist (an emulator), which has no Transaction Search either.
 */
export function transactionSearchNote(view: SnapshotView): string {
	const outcome = view.outcome<TraceDestination>(traceDestinationRead);
	if (!outcome) return '';
	if (!outcome.ok) {
		if (outcome.error.kind === 'not-implemented') return '';
		throw new ReadFailed(outcome.error);
	}
	const { destination, status, indexingPercent } = outcome.data;
	if (destination !== 'CloudWatchLogs') {
		return status === 'PENDING'
			? ' The trace destination is being changed (PENDING): run the check again in a few minutes.'
			: '';
	}
	const share = indexingPercent === null ? 'a share' : `${indexingPercent} %`;
	return ` CloudWatch Transaction Search is on${status === 'PENDING' ? ' (still being set up)' : ''}: spans go to the aws/spans log group and X-Ray indexes only ${share} of them as trace summaries, the only traces the grader can read. Keep the load generator running longer so enough spans get indexed, or raise the indexing percentage (CloudWatch → Application Signals → Transaction Search, or aws xray update-indexing-rule --name Default --rule '{"Probabilistic":{"DesiredSamplingPercentage":100}}'; indexing above 1 % is charged).`;
}
