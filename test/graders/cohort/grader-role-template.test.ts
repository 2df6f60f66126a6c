import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../../graders/cli/main.ts';
import { buildGraderRoleTemplate, graderRoleTemplatePath } from '../../../graders/cohort/grader-role-template.ts';
import { allowedActions, generateGraderPolicy, type PolicyDocument } from '../../../graders/engine/policy.ts';
import { collectorsForLabs, getLab, labIds } from '../../../graders/labs/index.ts';

const committed = readFileSync(new URL(`../../../${graderRoleTemplatePath}`, import.meta.url), 'utf8');
const template = parse(committed) as {
	Parameters: Record<string, unknown>;
	Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
};
const role = template.Resources.GraderRole;
const rolePolicy = (role?.Properties.Policies as { PolicyDocument: PolicyDocument }[] | undefined)?.[0]?.PolicyDocument;

async function policyCommandOutput(): Promise<unknown> {
	let out = '';
	const code = await main(['policy'], { stdout: (text) => (out += text), stderr: () => {} });
	expect(code).toBe(0);
	return JSON.parse(out);
}

describe('grader role template', () => {
	it('is the generator output for the current labs (regenerate with scripts/generate-grader-role.ts)', () => {
		expect(committed).toBe(buildGraderRoleTemplate(generateGraderPolicy(collectorsForLabs(labIds()))));
	});

	it('allows exactly what `sre-lab policy` prints, and nothing else', async () => {
		expect(Object.keys(template.Resources)).toEqual(['GraderRole']);
		expect(role?.Type).toBe('AWS::IAM::Role');
		expect(role?.Properties.ManagedPolicyArns).toBeUndefined();
		expect(role?.Properties.Policies).toEqual([
			{ PolicyName: 'sre-lab-grader-read-only', PolicyDocument: await policyCommandOutput() },
		]);
	});

	it('is trusted by the instructor account only, and only with the external id', () => {
		expect(role?.Properties.AssumeRolePolicyDocument).toEqual({
			Version: '2012-10-17',
			Statement: [
				{
					Sid: 'InstructorAccountWithExternalId',
					Effect: 'Allow',
					// biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub expression.
					Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${InstructorAccountId}:root' } },
					Action: 'sts:AssumeRole',
					Condition: { StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } } },
				},
			],
		});
		expect(Object.keys(template.Parameters)).toEqual(['InstructorAccountId', 'ExternalId', 'RoleName']);
	});

	it("grants every lab's reads, Lab 4's FIS, Config, Automation and OpsCenter reads included", () => {
		const granted = new Set(allowedActions(rolePolicy as PolicyDocument));
		for (const lab of ['lab1', 'lab2', 'lab3', 'lab4']) {
			const needed = getLab(lab).collectors.flatMap((collector) => collector.iamActions);
			expect(
				needed.filter((action) => !granted.has(action)),
				lab,
			).toEqual([]);
		}
		expect(granted).toContain('fis:ListExperimentTemplates');
		expect(granted).toContain('ssm:GetOpsItem');
	});

	it("fits IAM's quota for a role's inline policies (10,240 characters, white space not counted)", () => {
		const document = JSON.stringify(rolePolicy);
		expect(document.replace(/\s/g, '').length).toBeLessThanOrEqual(10_240);
	});

	it('grants only read operations', () => {
		const policy = generateGraderPolicy(collectorsForLabs(labIds()));
		const actions = allowedActions(policy);
		expect(actions.length).toBeGreaterThan(0);
		for (const action of actions) {
			expect(action).toMatch(/^[a-z0-9-]+:(Describe|List|Get|Test|Simulate|Lookup|BatchGet|GET$)/);
		}
	});
});
