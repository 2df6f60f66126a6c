import { describe, expect, it } from 'vitest';
import type { RoleScope } from '../../../../graders/collectors/iam/fis-role-scope.ts';
import type { PerResource, ReadOutcome, Snapshot } from '../../../../graders/engine/types.ts';
import { app, completeLab4Account, functionArn, latencyAlarm } from './support/lab4-account.ts';
import { collectLab4 } from './support/lab4-scenarios.ts';
import { gradeCheck } from './support/lab4-steps.ts';

const id = 'experiment-template-ready';

/** The role-scope read as IAM answers for a role whose statement needs `aws:ResourceTag/team`, which no target was given. */
function denyTargetsForMissingTag(snapshot: Snapshot): void {
	const scopes = snapshot.reads['iam.fis-role-scope'] as ReadOutcome<PerResource<RoleScope>>;
	if (!scopes.ok) throw new Error('role scope not read');
	for (const outcome of Object.values(scopes.data)) {
		if (!outcome.ok) throw new Error('role not simulated');
		for (const arn of Object.keys(outcome.data.targets))
			outcome.data.targets[arn] = { decision: 'implicitDeny', missingContext: ['aws:ResourceTag/team'] };
	}
}

const otherAccount = 'arn:aws:lambda:eu-west-1:123456789012:function:payments-api';

describe('experiment-template-ready', () => {
	it('passes a template that selects the app functions by a tag they carry', async () => {
		const account = completeLab4Account();
		const [template] = account.fisTemplates;
		if (!template) throw new Error('no template');
		template.targets = {
			'app-functions': {
				resourceType: 'aws:lambda:function',
				resourceTags: { 'sre-lab': 'lab3' },
				selectionMode: 'ALL',
			},
		};
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('pass');
		expect(result.message).toContain(app.orders);
	});

	it('passes a template that picks some of the app functions (COUNT, PERCENT) and narrows them with filters', async () => {
		// FIS picks among the resolved functions; every one it may pick is an app function, so the fault
		// stays on the app and the role must still allow each of them.
		for (const selectionMode of ['COUNT(1)', 'PERCENT(50)']) {
			const account = completeLab4Account();
			for (const template of account.fisTemplates) {
				template.targets = {
					'app-functions': {
						resourceType: 'aws:lambda:function',
						resourceArns: [functionArn(app.orders), functionArn(app.inventory)],
						filters: [{ path: 'Configuration.Runtime', values: ['nodejs20.x'] }],
						selectionMode,
					},
				};
			}
			expect(gradeCheck(await collectLab4(account), id).status).toBe('pass');
		}
	});

	it('is could-not-grade when a role scoped by a tag condition is denied on a target whose tags could not be read', async () => {
		// The simulator takes a resource's tags only from ContextEntries: without the tag read the grader
		// passed none, and IAM answers implicitDeny listing the key it missed (ResourceSpecificResults).
		const snapshot = await collectLab4(completeLab4Account(), { deny: ['tag:GetResources'] });
		denyTargetsForMissingTag(snapshot);
		const result = gradeCheck(snapshot, id);
		expect(result.status).toBe('error');
		expect(result.message).toContain('tag:GetResources');
	});

	it('fails a role scoped by a tag condition on a target that does not carry the tag (tags read)', async () => {
		const snapshot = await collectLab4(completeLab4Account());
		denyTargetsForMissingTag(snapshot);
		const result = gradeCheck(snapshot, id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('(the policy depends on aws:ResourceTag/team)');
	});

	it('passes a stop condition on a composite alarm built on an app alarm', async () => {
		const account = completeLab4Account();
		const compositeArn = `arn:aws:cloudwatch:eu-west-1:123456789012:alarm:lab3-app-unhealthy`;
		account.compositeAlarms = [
			{
				AlarmName: 'lab3-app-unhealthy',
				AlarmArn: compositeArn,
				AlarmRule: `ALARM("${app.latencyAlarm}")`,
				ActionsEnabled: true,
				StateValue: 'OK',
			},
		];
		for (const template of account.fisTemplates)
			template.stopConditions = [{ source: 'aws:cloudwatch:alarm', value: compositeArn }];
		expect(gradeCheck(await collectLab4(account), id).status).toBe('pass');
	});

	it('fails a template without a Lambda fault action, naming the actions it accepts', async () => {
		const account = completeLab4Account();
		for (const template of account.fisTemplates)
			template.actions = { wait: { actionId: 'aws:fis:wait', parameters: { duration: 'PT5M' } } };
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('no Lambda fault action (aws:lambda:invocation-add-delay');
	});

	it('fails a fault on functions that are not the Lab 3 application’s, including a namesake in another Region', async () => {
		const account = completeLab4Account();
		for (const template of account.fisTemplates) {
			template.targets = {
				'app-functions': {
					resourceType: 'aws:lambda:function',
					resourceArns: [otherAccount, `arn:aws:lambda:us-east-1:123456789012:function:${app.orders}`],
					selectionMode: 'ALL',
				},
			};
		}
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain("targets none of the Lab 3 application's functions");
	});

	it('fails a role that may not read a target function: FIS could not inject the fault there', async () => {
		const account = completeLab4Account();
		account.roleAllows = { [app.fisRole]: [functionArn(app.orders)] };
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain(`may not lambda:GetFunction on ${app.inventory}`);
	});

	it('fails a template whose role does not exist', async () => {
		const account = completeLab4Account();
		account.roleAllows = {};
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain(`its role ${app.fisRole} does not exist in IAM`);
	});

	it('fails a role that may also touch another lab function, as a tag condition broader than the targets’ allows', async () => {
		const account = completeLab4Account();
		account.roleAllows = {
			[app.fisRole]: [functionArn(app.orders), functionArn(app.inventory), functionArn('lab2-snapshot-cleanup')],
		};
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain(
			'may also lambda:GetFunction on lab functions it does not target (lab2-snapshot-cleanup)',
		);
	});

	it('fails a role that may touch any function', async () => {
		const account = completeLab4Account();
		account.roleAllows = { [app.fisRole]: ['*'] };
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('may also lambda:GetFunction on functions it does not target');
	});

	it('fails a stop condition on an alarm that watches none of the app’s metrics, naming the app’s alarms', async () => {
		const account = completeLab4Account();
		const billing = { ...latencyAlarm(), AlarmName: 'billing', AlarmArn: `${app.latencyAlarmArn}-billing` };
		billing.Namespace = 'AWS/Billing';
		billing.MetricName = 'EstimatedCharges';
		billing.Dimensions = [{ Name: 'Currency', Value: 'USD' }];
		account.alarms.push(billing);
		for (const template of account.fisTemplates)
			template.stopConditions = [{ source: 'aws:cloudwatch:alarm', value: billing.AlarmArn }];
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain(
			`watch none of the application's metrics: use one of its alarms (${app.latencyAlarm})`,
		);
	});

	it('fails without a template tagged sre-lab=lab4', async () => {
		const account = completeLab4Account();
		for (const template of account.fisTemplates) template.tags = { 'sre-lab': 'lab3' };
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('No AWS FIS experiment template tagged sre-lab=lab4');
	});

	it.each([
		['fis:ListExperimentTemplates'],
		['fis:GetExperimentTemplate'],
		['iam:SimulatePrincipalPolicy'],
		['cloudwatch:DescribeAlarms'],
	])('is could-not-grade when %s is denied', async (action) => {
		const result = gradeCheck(await collectLab4(completeLab4Account(), { deny: [action] }), id);
		expect(result.status).toBe('error');
		expect(result.message).toContain(action);
	});

	it('is could-not-grade when targets are chosen by tag and the functions’ tags may not be read', async () => {
		const account = completeLab4Account();
		for (const template of account.fisTemplates) {
			template.targets = {
				'app-functions': {
					resourceType: 'aws:lambda:function',
					resourceTags: { 'sre-lab': 'lab3' },
					selectionMode: 'ALL',
				},
			};
		}
		const result = gradeCheck(await collectLab4(account, { deny: ['tag:GetResources'] }), id);
		expect(result.status).toBe('error');
		expect(result.message).toContain('tag:GetResources');
	});

	it('passes on a ready template although another one could not be read', async () => {
		const snapshot = await collectLab4(completeLab4Account());
		const templates = snapshot.reads['fis.lab4-experiment-templates'] as ReadOutcome<Record<string, unknown>>;
		if (!templates.ok) throw new Error('templates not read');
		templates.data.EXTunreadable0001 = {
			ok: false,
			error: { kind: 'access-denied', service: 'fis', operation: 'GetExperimentTemplate', message: 'denied' },
		};
		expect(gradeCheck(snapshot, id).status).toBe('pass');
	});

	it('needs the composite alarms only for a stop condition that is no app metric alarm', async () => {
		const deniedComposites = {
			ok: false as const,
			error: {
				kind: 'access-denied' as const,
				service: 'cloudwatch',
				operation: 'DescribeAlarms',
				action: 'cloudwatch:DescribeAlarms',
				message: 'User is not authorized to perform: cloudwatch:DescribeAlarms',
			},
		};
		const ready = await collectLab4(completeLab4Account());
		ready.reads['cloudwatch.composite-alarms'] = deniedComposites;
		expect(gradeCheck(ready, id).status).toBe('pass');

		const account = completeLab4Account();
		for (const template of account.fisTemplates)
			template.stopConditions = [{ source: 'aws:cloudwatch:alarm', value: `${app.latencyAlarmArn}-composite` }];
		const unknown = await collectLab4(account);
		unknown.reads['cloudwatch.composite-alarms'] = deniedComposites;
		const result = gradeCheck(unknown, id);
		expect(result.status).toBe('error');
		expect(result.message).toContain('cloudwatch:DescribeAlarms');
	});
});
