import type { ExperimentTemplate } from '../../../collectors/fis/lab4-experiment-templates.ts';
import {
	functionsOfTarget,
	lambdaFaultActions,
	lambdaFaultTargets,
	unqualifiedFunctionArn,
} from '../../../collectors/fis/lambda-fault-targets.ts';
import type { RoleScope } from '../../../collectors/iam/fis-role-scope.ts';
import type { SimulatedDecision } from '../../../collectors/iam/simulation-decisions.ts';
import { ReadFailed } from '../../../engine/errors.ts';
import { requireOutcome } from '../../../engine/snapshot-view.ts';
import type { PerResource, SnapshotView } from '../../../engine/types.ts';
import { type AppResources, appResources, appStackReads } from '../../lab3/facts/app-stack.ts';
import { compositeAlarmsRead } from '../../shared/read-composite-alarms.ts';
import { type AppAlarms, appAlarmName, appAlarms } from './app-alarm-arns.ts';
import { readableItems } from './readable.ts';

export const templateReadinessReads = [
	...appStackReads,
	'fis.lab4-experiment-templates',
	'iam.fis-role-scope',
	'lambda.function-tags',
	'cloudwatch.metric-alarms',
	compositeAlarmsRead,
] as const;

export interface TemplateReadiness {
	template: ExperimentTemplate;
	/** "Delay (aws:lambda:invocation-add-delay)" for each fault action on an app function. */
	faults: string[];
	/** The app functions those actions target, by name. */
	functions: string[];
	/** Names of the app alarms among its stop conditions. */
	stopAlarms: string[];
	/** Empty when the template is ready for the game day. */
	problems: string[];
}

/** `arn:aws:lambda:<region>:<account>:function:<name>` → name, when it is in the grader's account and Region. */
function localFunctionName(arn: string, view: SnapshotView): string | null {
	const unqualified = unqualifiedFunctionArn(arn);
	if (!unqualified) return null;
	const [, , , region, account, , name] = unqualified.split(':');
	if (region !== view.region || (view.accountId !== null && account !== view.accountId)) return null;
	return name ?? null;
}

const roleName = (roleArn: string) => roleArn.split('/').at(-1) ?? roleArn;

const denialNote = (decision: SimulatedDecision) =>
	decision.missingContext.length > 0 ? ` (the policy depends on ${decision.missingContext.join(', ')})` : '';

/** A condition key that holds a tag of the simulated resource: the grader passes the function's tags as these. */
const isResourceTagKey = (key: string) => key.startsWith('aws:ResourceTag/');

/**
 * What keeps the role from being scoped to exactly the app functions it targets; throws when unread.
 * IAM's simulator does not look up a resource's tags: the grader passes them as `aws:ResourceTag/*`
 * context. A target denied for lack of such a key was judged without its tags when the tag read failed,
 * so that denial is the grader's (`readTags` throws the failed read); with the tags read, the function
 * simply does not carry the tag the policy asks for.
 */
function roleProblems(
	scope: RoleScope,
	targetArns: readonly string[],
	names: Map<string, string>,
	readTags: () => unknown,
): string[] {
	const role = roleName(scope.roleArn);
	if (!scope.roleExists)
		return [`its role ${scope.roleArn} does not exist in IAM: create the experiment role, or point the template at it`];
	const problems: string[] = [];
	for (const arn of targetArns) {
		const decision = scope.targets[arn];
		if (!decision) {
			throw new ReadFailed({
				kind: 'other',
				service: 'iam',
				operation: 'SimulatePrincipalPolicy',
				message: `The snapshot has no simulation of the experiment role on ${arn}. Collect it again; this is not counted against the learner.`,
			});
		}
		if (decision.decision !== 'allowed' && decision.missingContext.some(isResourceTagKey)) readTags();
		if (decision.decision !== 'allowed')
			problems.push(
				`its role ${role} may not ${scope.action} on ${names.get(arn) ?? arn}${denialNote(decision)}, so FIS cannot inject the fault there`,
			);
	}
	const others = Object.entries(scope.others ?? {})
		.filter(([, decision]) => decision.decision === 'allowed')
		.map(([arn]) => arn.split(':function:')[1] ?? arn);
	// A role the made-up function already shows to be too broad needs no second message.
	if (others.length > 0 && scope.outsider.decision.decision !== 'allowed')
		problems.push(
			`its role ${role} may also ${scope.action} on lab functions it does not target (${others.join(', ')}): limit the statement's Resource to the target functions' ARNs, or its tag condition to a tag only they carry`,
		);
	if (scope.outsider.decision.decision === 'allowed')
		problems.push(
			`its role ${role} may also ${scope.action} on functions it does not target (the grader simulated ${scope.outsider.arn}): limit the statement's Resource to the target functions' ARNs, or add a condition on a tag only they carry`,
		);
	return problems;
}

interface Context {
	app: AppResources;
	alarms: () => AppAlarms;
	/** ARN → tags of the sre-lab tagged functions; throws when that read failed. */
	taggedFunctions: () => Record<string, Record<string, string>>;
	scopes: () => PerResource<RoleScope>;
}

/** Whether one template is ready: a fault on the app's functions, a scoped role, an app alarm to stop it. */
export function judgeTemplate(view: SnapshotView, template: ExperimentTemplate, context: Context): TemplateReadiness {
	const problems: string[] = [];
	const faults: string[] = [];
	const appFunctionNames = new Set(context.app.functionNames);
	const targeted = new Map<string, string>(); // ARN → name of the app functions targeted
	const lambdaTargets = lambdaFaultTargets(template);
	for (const { action, target } of lambdaTargets) {
		const tagged = Object.keys(target.resourceTags).length > 0 ? context.taggedFunctions() : {};
		const { arns } = functionsOfTarget(target, tagged);
		const onApp = arns.filter((arn) => appFunctionNames.has(localFunctionName(arn, view) ?? ''));
		for (const arn of onApp) targeted.set(arn, localFunctionName(arn, view) as string);
		if (onApp.length > 0) faults.push(`${action.name} (${action.actionId})`);
	}
	if (lambdaTargets.length === 0) {
		problems.push(
			`it has no Lambda fault action (${lambdaFaultActions.join(', ')}) with a target of type aws:lambda:function`,
		);
	} else if (targeted.size === 0) {
		problems.push(
			`its Lambda fault action targets none of the Lab 3 application's functions (${context.app.functionNames.join(', ') || 'none deployed'}): name them by ARN, or select them by a tag they carry such as sre-lab=lab3`,
		);
	} else {
		const outcome = context.scopes()[template.id];
		if (!outcome) {
			throw new ReadFailed({
				kind: 'other',
				service: 'iam',
				operation: 'SimulatePrincipalPolicy',
				message: `The snapshot has no simulation of template ${template.id}'s role. Collect it again; this is not counted against the learner.`,
			});
		}
		problems.push(
			...roleProblems(requireOutcome(outcome), [...targeted.keys()].sort(), targeted, context.taggedFunctions),
		);
	}
	const alarmConditions = template.stopConditions.filter(
		(condition) => condition.source === 'aws:cloudwatch:alarm' && condition.value,
	);
	const stopAlarms: string[] = [];
	if (alarmConditions.length === 0) {
		problems.push('it has no stop condition of source aws:cloudwatch:alarm');
	} else {
		const alarms = context.alarms();
		for (const condition of alarmConditions) {
			const name = appAlarmName(alarms, condition.value as string);
			if (name) stopAlarms.push(name);
		}
		if (stopAlarms.length === 0) {
			const known = [...alarms.metric.values(), ...alarms.composite.values()];
			problems.push(
				`its stop condition alarm(s) ${alarmConditions.map((condition) => condition.value).join(', ')} watch none of the application's metrics: use one of its alarms (${known.join(', ') || 'none found: create them as in Lab 3'})`,
			);
		}
	}
	return {
		template,
		faults,
		functions: [...new Set(targeted.values())].sort(),
		stopAlarms,
		problems,
	};
}

export interface Readiness {
	/** Readable templates, each judged (ready ones have no problems). */
	judged: TemplateReadiness[];
	ready: TemplateReadiness[];
	/**
	 * Why some templates could not be judged (the template, its role's simulation, the alarms): they
	 * matter only when none is ready. `requireAll()` throws the first.
	 */
	requireAll(): void;
}

/** Every lab template (tagged sre-lab=lab4) judged against the deployed Lab 3 application. */
export function templateReadiness(view: SnapshotView): Readiness {
	const templates = readableItems(view.read<PerResource<ExperimentTemplate>>('fis.lab4-experiment-templates'));
	const app = appResources(view);
	let alarms: AppAlarms | undefined;
	const context: Context = {
		app,
		alarms: () => {
			alarms ??= appAlarms(view, app);
			return alarms;
		},
		taggedFunctions: () =>
			Object.fromEntries(
				Object.entries(view.read<PerResource<Record<string, string>>>('lambda.function-tags')).map(([arn, outcome]) => [
					arn,
					requireOutcome(outcome),
				]),
			),
		scopes: () => view.read<PerResource<RoleScope>>('iam.fis-role-scope'),
	};
	const judged: TemplateReadiness[] = [];
	const unsettled: ReadFailed[] = [];
	for (const template of templates.readable.sort((a, b) => a.id.localeCompare(b.id))) {
		try {
			judged.push(judgeTemplate(view, template, context));
		} catch (error) {
			if (error instanceof ReadFailed) unsettled.push(error);
			else throw error;
		}
	}
	return {
		judged,
		ready: judged.filter((judgement) => judgement.problems.length === 0),
		requireAll() {
			templates.requireAll();
			const first = unsettled[0];
			if (first) throw first;
		},
	};
}
