import type { CheckDefinition, CheckVerdict } from '../../../engine/types.ts';
import { anyAlternative } from '../facts/alternatives.ts';
import { labFunctions } from '../facts/cleanup-functions.ts';
import { ruleFindings, type ScheduleFinding, scheduleFindings } from '../facts/cleanup-schedules.ts';

export const scheduleReads = [
	'lambda.functions',
	'lambda.function-tags',
	'lambda.function-policies',
	'events.scheduled-rules',
	'scheduler.lambda-schedules',
	'iam.scheduler-roles',
] as const;

function verdictOf(findings: ScheduleFinding[]): CheckVerdict {
	const passing = findings.find((finding) => finding.ok);
	if (passing?.ok)
		return {
			status: 'pass',
			message: `The cleanup runs on a schedule: ${passing.description}.`,
			evidence: passing.evidence,
		};
	return {
		status: 'fail',
		message: findings.flatMap((finding) => (finding.ok ? [] : [finding.problem])).join('; '),
		evidence: findings.flatMap((finding) => finding.evidence),
	};
}

export const cleanupScheduled: CheckDefinition = {
	id: 'cleanup-scheduled',
	reads: scheduleReads,
	evaluate(view) {
		const functions = labFunctions(view);
		const names = functions.map((fn) => fn.functionName).join(', ');
		return anyAlternative(
			[() => verdictOf(scheduleFindings(view, functions)), () => verdictOf(ruleFindings(view, functions))],
			(messages) => {
				const found = messages.filter((message) => message !== '');
				return {
					status: 'fail',
					message:
						found.length > 0
							? `The cleanup function is not run on a schedule: ${found.join('; ')}.`
							: `No EventBridge Scheduler schedule or scheduled EventBridge rule targets ${names}.`,
					evidence: functions.map((fn) => fn.functionArn),
				};
			},
		);
	},
};
