import type { InvocationHistory } from '../../../collectors/cloudwatch/lambda-invocation-periods.ts';
import { ReadFailed } from '../../../engine/errors.ts';
import type { CheckDefinition, PerResource } from '../../../engine/types.ts';
import { dataOf } from '../facts/alternatives.ts';
import { labFunctions } from '../facts/cleanup-functions.ts';
import { ruleFindings, scheduleFindings } from '../facts/cleanup-schedules.ts';
import { latestRun, minuteOf } from '../facts/latest-run.ts';
import { scheduleReads } from './cleanup-scheduled.ts';

/** A failed read of one way of scheduling must not hide a function scheduled the other way. */
function findingsOrNone(find: () => ReturnType<typeof ruleFindings>): ReturnType<typeof ruleFindings> {
	try {
		return find();
	} catch (error) {
		if (error instanceof ReadFailed) return [];
		throw error;
	}
}

export const cleanupRanCleanly: CheckDefinition = {
	id: 'cleanup-ran-cleanly',
	reads: [...scheduleReads, 'cloudwatch.lambda-invocation-periods'],
	evaluate(view) {
		const functions = labFunctions(view);
		// Judge the functions that are actually scheduled (step 6 passed, so there is at least one).
		const scheduled = [
			...findingsOrNone(() => scheduleFindings(view, functions)),
			...findingsOrNone(() => ruleFindings(view, functions)),
		].flatMap((finding) => (finding.ok ? [finding.fn] : []));
		const candidates =
			scheduled.length > 0 ? [...new Map(scheduled.map((fn) => [fn.functionArn, fn])).values()] : functions;
		const metrics = view.read<PerResource<InvocationHistory>>('cloudwatch.lambda-invocation-periods');
		const problems: string[] = [];
		for (const fn of candidates) {
			const history = dataOf(metrics[fn.functionName], `the metrics of ${fn.functionName}`);
			const run = latestRun(history);
			const minutes = history.periodSeconds / 60;
			const during = (start: string) => `in the ${minutes}-minute period from ${minuteOf(start)}`;
			if (run.kind === 'clean') {
				const fixed = run.lastFailure
					? `; the error(s) ${during(run.lastFailure.start)} were followed by this clean run`
					: '';
				return {
					status: 'pass',
					message: `${fn.functionName} last ran ${during(run.latest.start)}: ${run.latest.invocations} invocation(s), no errors${fixed}.`,
					evidence: [fn.functionArn],
				};
			}
			problems.push(
				run.kind === 'none'
					? `${fn.functionName} was not invoked since ${view.window.since}`
					: `the latest run of ${fn.functionName}, ${during(run.latest.start)}, reported ${run.latest.errors} error(s) in ${run.latest.invocations} invocation(s)`,
			);
		}
		return { status: 'fail', message: `${problems.join('; ')}.`, evidence: candidates.map((fn) => fn.functionArn) };
	},
};
