import type { InvocationTotals } from '../../../collectors/cloudwatch/lambda-invocations.ts';
import { ReadFailed } from '../../../engine/errors.ts';
import type { CheckDefinition, PerResource } from '../../../engine/types.ts';
import { dataOf } from '../facts/alternatives.ts';
import { labFunctions } from '../facts/cleanup-functions.ts';
import { ruleFindings, scheduleFindings } from '../facts/cleanup-schedules.ts';
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
	reads: [...scheduleReads, 'cloudwatch.lambda-invocations'],
	evaluate(view) {
		const functions = labFunctions(view);
		// Judge the functions that are actually scheduled (step 6 passed, so there is at least one).
		const scheduled = [
			...findingsOrNone(() => scheduleFindings(view, functions)),
			...findingsOrNone(() => ruleFindings(view, functions)),
		].flatMap((finding) => (finding.ok ? [finding.fn] : []));
		const candidates =
			scheduled.length > 0 ? [...new Map(scheduled.map((fn) => [fn.functionArn, fn])).values()] : functions;
		const metrics = view.read<PerResource<InvocationTotals>>('cloudwatch.lambda-invocations');
		const problems: string[] = [];
		for (const fn of candidates) {
			const totals = dataOf(metrics[fn.functionName], `the metrics of ${fn.functionName}`);
			if (totals.invocations > 0 && totals.errors === 0) {
				return {
					status: 'pass',
					message: `${fn.functionName} was invoked ${totals.invocations} time(s) since ${view.window.since} with no errors.`,
					evidence: [fn.functionArn],
				};
			}
			problems.push(
				totals.invocations === 0
					? `${fn.functionName} was not invoked since ${view.window.since}`
					: `${fn.functionName} reported ${totals.errors} error(s) in ${totals.invocations} invocation(s) since ${view.window.since}`,
			);
		}
		return { status: 'fail', message: `${problems.join('; ')}.`, evidence: candidates.map((fn) => fn.functionArn) };
	},
};
