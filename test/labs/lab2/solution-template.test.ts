import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, type ScalarTag } from 'yaml';
import { isRecurringSchedule } from '../../../graders/labs/lab2/facts/schedule-expression.ts';
import { lab2 } from '../../../graders/labs/lab2/index.ts';
import { policiesAllow } from '../../../graders/labs/shared/policy-allows.ts';

/** CloudFormation short-form functions, kept as `{ fn: value }` so the test can read what they refer to. */
const intrinsic = (name: string): ScalarTag => ({
	tag: `!${name}`,
	resolve: (value: string) => ({ [name]: value }),
});
const sequenceIntrinsic = (name: string) => ({
	tag: `!${name}`,
	collection: 'seq' as const,
	resolve: (value: unknown) => ({ [name]: value }),
});

const templateUrl = new URL('../../../labs/lab2/solution/template.yaml', import.meta.url);
const template = parse(readFileSync(templateUrl, 'utf8'), {
	customTags: [intrinsic('Ref'), intrinsic('Sub'), intrinsic('GetAtt'), sequenceIntrinsic('Join')],
}) as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };

const resource = (name: string) => {
	const found = template.Resources[name];
	if (!found) throw new Error(`template has no ${name}`);
	return found.Properties;
};
const tagsOf = (name: string) =>
	Object.fromEntries((resource(name).Tags as { Key: string; Value: unknown }[]).map((tag) => [tag.Key, tag.Value]));
const inlineDocuments = (name: string) =>
	(resource(name).Policies as { PolicyDocument: unknown }[]).map((policy) => policy.PolicyDocument);

describe('Lab 2 reference solution template', () => {
	it('tags both instances for the lab with a PatchGroup and gives them the SSM core policy', () => {
		for (const name of ['FleetInstanceA', 'FleetInstanceB']) {
			expect(tagsOf(name)).toMatchObject({ 'sre-lab': 'lab2', PatchGroup: { Ref: 'PatchGroup' } });
			expect(resource(name).IamInstanceProfile).toEqual({ Ref: 'FleetInstanceProfile' });
		}
		expect(resource('FleetRole').ManagedPolicyArns).toEqual([
			// biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation !Sub string, not a JavaScript template.
			{ Sub: 'arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore' },
		]);
	});

	it('patches by tag with Operation=Install in an enabled, recurring window', () => {
		const window = resource('PatchWindow');
		expect(isRecurringSchedule(window.Schedule as string)).toBe(true);
		expect(resource('PatchWindowTarget').Targets).toEqual([{ Key: 'tag:PatchGroup', Values: [{ Ref: 'PatchGroup' }] }]);
		const task = resource('PatchWindowTask');
		expect(task).toMatchObject({
			TaskType: 'RUN_COMMAND',
			TaskArn: 'AWS-RunPatchBaseline',
			Targets: [{ Key: 'WindowTargetIds', Values: [{ Ref: 'PatchWindowTarget' }] }],
			TaskInvocationParameters: { MaintenanceWindowRunCommandParameters: { Parameters: { Operation: ['Install'] } } },
		});
	});

	it('gives the cleanup function exactly the permissions the grader looks for', () => {
		expect(tagsOf('CleanupFunction')).toMatchObject({ 'sre-lab': 'lab2' });
		const documents = inlineDocuments('CleanupRole');
		expect(policiesAllow(documents, 'ec2:DescribeSnapshots')).toBe(true);
		expect(policiesAllow(documents, 'ec2:DeleteSnapshot')).toBe(true);
		expect(policiesAllow(documents, 'ec2:DeleteVolume')).toBe(false);
		expect(policiesAllow(inlineDocuments('SchedulerRole'), 'lambda:InvokeFunction')).toBe(true);
	});

	it('ships the cleanup function from this repository and runs it on a recurring schedule', () => {
		const fn = resource('CleanupFunction');
		expect(fn).toMatchObject({ Runtime: 'nodejs22.x', Handler: 'index.handler', Code: '../cleanup-function' });
		expect(existsSync(new URL('../cleanup-function/index.mjs', templateUrl))).toBe(true);
		const schedule = resource('CleanupSchedule');
		expect(schedule).toMatchObject({
			State: 'ENABLED',
			Target: { Arn: { GetAtt: 'CleanupFunction.Arn' }, RoleArn: { GetAtt: 'SchedulerRole.Arn' } },
		});
		const defaultExpression = (template as unknown as { Parameters: Record<string, { Default: string }> }).Parameters
			.CleanupScheduleExpression?.Default;
		expect(isRecurringSchedule(defaultExpression)).toBe(true);
	});

	it('covers every check of the manifest with a resource or a README step', () => {
		const readme = readFileSync(new URL('./README.md', templateUrl), 'utf8');
		for (const check of lab2.manifest.checks) expect(readme).toContain(check.id);
	});
});
