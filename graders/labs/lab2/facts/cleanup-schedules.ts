import type { ScheduledRule } from '../../../collectors/events/scheduled-rules.ts';
import type { RolePolicy } from '../../../collectors/iam/read-role-policies.ts';
import type { SchedulerRole } from '../../../collectors/iam/scheduler-roles.ts';
import type { FunctionPolicy } from '../../../collectors/lambda/function-policies.ts';
import type { LambdaFunction } from '../../../collectors/lambda/functions.ts';
import type { LambdaSchedule } from '../../../collectors/scheduler/lambda-schedules.ts';
import type { PerResource, SnapshotView } from '../../../engine/types.ts';
import { policiesAllow } from '../../shared/policy-allows.ts';
import { dataOf } from './alternatives.ts';
import { arnInvokesFunction } from './cleanup-functions.ts';
import { policyLetsRuleInvoke } from './invoke-permission.ts';
import { isRecurringSchedule } from './schedule-expression.ts';

/** One way a function is run on a schedule, or why a candidate does not count. */
export type ScheduleFinding =
	| { ok: true; fn: LambdaFunction; description: string; evidence: string[] }
	| { ok: false; problem: string; evidence: string[] };

/** With the universal target, the function is named in the input: `{"FunctionName": "…"}`. */
function universalTargetFunction(input: string | null): string | null {
	if (!input) return null;
	try {
		const parsed: unknown = JSON.parse(input);
		const name =
			typeof parsed === 'object' && parsed !== null ? (parsed as { FunctionName?: unknown }).FunctionName : undefined;
		return typeof name === 'string' ? name : null;
	} catch {
		return null;
	}
}

function scheduleInvokes(schedule: LambdaSchedule, fn: LambdaFunction): boolean {
	if (arnInvokesFunction(schedule.targetArn, fn)) return true;
	const named = universalTargetFunction(schedule.targetInput);
	return named !== null && (named === fn.functionName || arnInvokesFunction(named, fn));
}

/** EventBridge rules that run the function: enabled, recurring, and allowed by the function's resource policy. */
export function ruleFindings(view: SnapshotView, functions: readonly LambdaFunction[]): ScheduleFinding[] {
	const rules = Object.entries(view.read<PerResource<ScheduledRule>>('events.scheduled-rules')).map(([name, outcome]) =>
		dataOf(outcome, `rule ${name}`),
	);
	const policies = view.read<PerResource<FunctionPolicy>>('lambda.function-policies');
	const findings: ScheduleFinding[] = [];
	for (const fn of functions) {
		for (const rule of rules.filter((candidate) =>
			candidate.targets.some((target) => arnInvokesFunction(target.arn, fn)),
		)) {
			const evidence = [rule.arn, fn.functionArn];
			const name = `rule ${rule.name} (${rule.scheduleExpression})`;
			if (rule.state !== 'ENABLED')
				findings.push({ ok: false, problem: `${name} targets ${fn.functionName} but is ${rule.state}`, evidence });
			else if (!isRecurringSchedule(rule.scheduleExpression))
				findings.push({ ok: false, problem: `${name} does not repeat`, evidence });
			else {
				const policy = dataOf(policies[fn.functionArn], `the resource policy of ${fn.functionName}`);
				if (policy && policyLetsRuleInvoke(policy.document, rule.arn)) {
					findings.push({
						ok: true,
						fn,
						description: `${name} invokes ${fn.functionName}, and the function's resource policy allows it`,
						evidence,
					});
				} else {
					findings.push({
						ok: false,
						problem: `${name} targets ${fn.functionName}, but the function's resource policy does not let events.amazonaws.com invoke it from this rule`,
						evidence,
					});
				}
			}
		}
	}
	return findings;
}

/** EventBridge Scheduler schedules that run the function: enabled, recurring, with a role that may invoke it. */
export function scheduleFindings(view: SnapshotView, functions: readonly LambdaFunction[]): ScheduleFinding[] {
	const schedules = Object.entries(view.read<PerResource<LambdaSchedule>>('scheduler.lambda-schedules')).map(
		([key, outcome]) => dataOf(outcome, `schedule ${key}`),
	);
	const roles = view.read<PerResource<SchedulerRole>>('iam.scheduler-roles');
	const findings: ScheduleFinding[] = [];
	for (const fn of functions) {
		for (const schedule of schedules.filter((candidate) => scheduleInvokes(candidate, fn))) {
			const evidence = [schedule.arn, fn.functionArn];
			const name = `schedule ${schedule.groupName}/${schedule.name} (${schedule.scheduleExpression})`;
			if (schedule.state !== 'ENABLED')
				findings.push({ ok: false, problem: `${name} targets ${fn.functionName} but is ${schedule.state}`, evidence });
			else if (!isRecurringSchedule(schedule.scheduleExpression))
				findings.push({ ok: false, problem: `${name} runs only once`, evidence });
			else {
				const policies: RolePolicy[] = schedule.roleArn
					? dataOf(roles[schedule.roleArn], `the role ${schedule.roleArn}`).policies
					: [];
				if (
					policiesAllow(
						policies.map((policy) => policy.document),
						'lambda:InvokeFunction',
					)
				) {
					findings.push({
						ok: true,
						fn,
						description: `${name} invokes ${fn.functionName} as a role that may lambda:InvokeFunction`,
						evidence: [...evidence, schedule.roleArn],
					});
				} else {
					findings.push({
						ok: false,
						problem: `${name} targets ${fn.functionName}, but its role ${schedule.roleArn || '(none)'} may not lambda:InvokeFunction`,
						evidence,
					});
				}
			}
		}
	}
	return findings;
}
