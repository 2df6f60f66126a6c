import {
	IAMClient,
	type PolicyEvaluationDecisionType,
	SimulatePrincipalPolicyCommand,
	type SimulatePrincipalPolicyCommandInput,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExperimentTemplate } from '../../../../graders/collectors/fis/lab4-experiment-templates.ts';
import { iamFisRoleScope, outsiderFunctionArn } from '../../../../graders/collectors/iam/fis-role-scope.ts';
import { ReadFailed } from '../../../../graders/engine/errors.ts';
import type { PerResource } from '../../../../graders/engine/types.ts';
import { accessDenied, lab4Window } from '../../labs/lab4/support/run-collector.ts';
import { testClientProvider } from '../../support/collect-mocked.ts';

const iam = mockClient(IAMClient);
afterEach(() => iam.reset());

const roleArn = 'arn:aws:iam::111122223333:role/sre-lab4-fis';
const orders = 'arn:aws:lambda:eu-west-1:111122223333:function:sre-lab3-app-OrdersFunction-Ab12Cd34Ef56';
const inventory = 'arn:aws:lambda:eu-west-1:111122223333:function:sre-lab3-app-InventoryFunction-Gh78Ij90Kl12';
const outsider = outsiderFunctionArn(roleArn, 'eu-west-1');

function template(id: string, target: Partial<ExperimentTemplate['targets'][string]>): ExperimentTemplate {
	return {
		id,
		roleArn,
		actions: [{ name: 'delay', actionId: 'aws:lambda:invocation-add-delay', targets: { Functions: 'fns' } }],
		targets: {
			fns: { resourceType: 'aws:lambda:function', resourceArns: [], resourceTags: {}, ...target },
		},
		stopConditions: [],
	};
}

/** SimulatePrincipalPolicy's answer for one action on one resource, as the IAM API reference shapes it. */
const answer = (resource: string, decision: PolicyEvaluationDecisionType, missing: string[] = []) => ({
	EvaluationResults: [
		{
			EvalActionName: 'lambda:GetFunction',
			EvalResourceName: resource,
			EvalDecision: decision,
			MatchedStatements: [],
			MissingContextValues: [],
			ResourceSpecificResults: [
				{ EvalResourceName: resource, EvalResourceDecision: decision, MissingContextValues: missing },
			],
		},
	],
	IsTruncated: false,
});

/** Answers as a role allowed lambda:GetFunction on the given ARNs only. */
function roleAllowing(allowed: readonly string[]) {
	iam.on(SimulatePrincipalPolicyCommand).callsFake((input: SimulatePrincipalPolicyCommandInput) => {
		const resource = input.ResourceArns?.[0] ?? '*';
		return answer(resource, allowed.includes(resource) ? 'allowed' : 'implicitDeny');
	});
}

async function collect(templates: ExperimentTemplate[], tags: PerResource<Record<string, string>> | 'denied') {
	const clients = testClientProvider({ region: 'eu-west-1', reads: [iamFisRoleScope] });
	const reads: Record<string, unknown> = {
		'fis.lab4-experiment-templates': Object.fromEntries(templates.map((t) => [t.id, { ok: true, data: t }])),
		'lambda.function-tags': tags,
	};
	try {
		return await iamFisRoleScope.collect({
			clients,
			region: 'eu-west-1',
			window: lab4Window,
			need: <T>(id: string) => {
				if (reads[id] === 'denied')
					throw new ReadFailed({ kind: 'access-denied', service: 'tag', operation: 'GetResources', message: 'denied' });
				return reads[id] as T;
			},
		});
	} finally {
		clients.destroy();
	}
}

describe('iam.fis-role-scope', () => {
	it('simulates lambda:GetFunction on each target function and on a function the template does not target, one call each', async () => {
		roleAllowing([orders]);
		const scopes = await collect([template('EXTbyarn', { resourceArns: [`${orders}:live`] })], {});
		expect(scopes).toEqual({
			EXTbyarn: {
				ok: true,
				data: {
					roleArn,
					roleExists: true,
					action: 'lambda:GetFunction',
					targets: { [orders]: { decision: 'allowed', missingContext: [] } },
					outsider: {
						arn: 'arn:aws:lambda:eu-west-1:111122223333:function:sre-lab-grader-probe-not-a-target',
						decision: { decision: 'implicitDeny', missingContext: [] },
					},
					others: {},
				},
			},
		});
		const calls = iam.commandCalls(SimulatePrincipalPolicyCommand).map((call) => call.args[0].input);
		expect(calls.map((input) => input.ResourceArns)).toEqual([[orders], [outsider]]);
		expect(calls.every((input) => input.PolicySourceArn === roleArn)).toBe(true);
	});

	it('resolves tag-selected targets through the functions’ tags and passes those tags as context', async () => {
		roleAllowing([orders, inventory, outsider]);
		const tags = {
			[orders]: { ok: true as const, data: { 'sre-lab': 'lab3', 'aws:cloudformation:stack-name': 'sre-lab3-app' } },
			[inventory]: { ok: true as const, data: { 'sre-lab': 'lab3' } },
			'arn:aws:lambda:eu-west-1:111122223333:function:lab2-cleanup': { ok: true as const, data: { 'sre-lab': 'lab2' } },
		};
		const scopes = await collect([template('EXTbytag', { resourceTags: { 'sre-lab': 'lab3' } })], tags);
		const scope = scopes.EXTbytag;
		expect(scope?.ok && Object.keys(scope.data.targets)).toEqual([inventory, orders]);
		expect(scope?.ok && scope.data.outsider.decision.decision).toBe('allowed');
		const ordersCall = iam
			.commandCalls(SimulatePrincipalPolicyCommand)
			.find((call) => call.args[0].input.ResourceArns?.[0] === orders);
		expect(ordersCall?.args[0].input.ContextEntries).toContainEqual({
			ContextKeyName: 'aws:ResourceTag/sre-lab',
			ContextKeyType: 'string',
			ContextKeyValues: ['lab3'],
		});
	});

	it('simulates the other lab functions the template does not target, each with its own tags', async () => {
		// A role whose tag condition is broader than its targets' (sre-lab like lab*): the made-up outsider,
		// which has no tags, is denied, but the Lab 2 function is allowed.
		const lab2 = 'arn:aws:lambda:eu-west-1:111122223333:function:lab2-cleanup';
		roleAllowing([orders, lab2]);
		const tags = {
			[orders]: { ok: true as const, data: { 'sre-lab': 'lab3' } },
			[lab2]: { ok: true as const, data: { 'sre-lab': 'lab2' } },
		};
		const scopes = await collect([template('EXTbyarn', { resourceArns: [orders] })], tags);
		expect(scopes.EXTbyarn).toMatchObject({
			ok: true,
			data: {
				outsider: { decision: { decision: 'implicitDeny' } },
				others: { [lab2]: { decision: 'allowed', missingContext: [] } },
			},
		});
		const lab2Call = iam
			.commandCalls(SimulatePrincipalPolicyCommand)
			.find((call) => call.args[0].input.ResourceArns?.[0] === lab2);
		expect(lab2Call?.args[0].input.ContextEntries).toEqual([
			{ ContextKeyName: 'aws:ResourceTag/sre-lab', ContextKeyType: 'string', ContextKeyValues: ['lab2'] },
		]);
	});

	it('reads the per-resource decision and its missing context keys', async () => {
		iam.on(SimulatePrincipalPolicyCommand).resolves(answer(orders, 'implicitDeny', ['aws:ResourceTag/team']));
		const scopes = await collect([template('EXTbyarn', { resourceArns: [orders] })], {});
		expect(scopes.EXTbyarn).toMatchObject({
			ok: true,
			data: { targets: { [orders]: { decision: 'implicitDeny', missingContext: ['aws:ResourceTag/team'] } } },
		});
	});

	it('still simulates ARN targets when the function tags could not be read', async () => {
		roleAllowing([orders]);
		const scopes = await collect([template('EXTbyarn', { resourceArns: [orders] })], 'denied');
		expect(scopes.EXTbyarn?.ok).toBe(true);
	});

	it('skips templates without a Lambda fault action, and records a denied simulation per template', async () => {
		iam.on(SimulatePrincipalPolicyCommand).rejects(accessDenied('iam:SimulatePrincipalPolicy'));
		const noFault = { ...template('EXTwait', { resourceArns: [orders] }), actions: [] };
		const scopes = await collect([template('EXTbyarn', { resourceArns: [orders] }), noFault], {});
		expect(Object.keys(scopes)).toEqual(['EXTbyarn']);
		expect(scopes.EXTbyarn).toMatchObject({
			ok: false,
			error: { kind: 'access-denied', service: 'iam', operation: 'SimulatePrincipalPolicy' },
		});
	});

	it('records a role IAM does not have as missing, not as a failed read', async () => {
		iam.on(SimulatePrincipalPolicyCommand).rejects(
			Object.assign(new Error('The role with name sre-lab4-fis cannot be found.'), {
				name: 'NoSuchEntityException',
				$metadata: { httpStatusCode: 404 },
			}),
		);
		const scopes = await collect([template('EXTbyarn', { resourceArns: [orders] })], {});
		expect(scopes.EXTbyarn).toMatchObject({
			ok: true,
			data: { roleExists: false, targets: { [orders]: { decision: 'implicitDeny' } } },
		});
	});
});
