/**
 * "Prepare your AWS sandbox" documents the permissions the labs need. The narrow permission set it shows
 * must allow every IAM action that `sre-lab doctor` simulates on the labs' own role and instance-profile
 * names, or a learner who follows the page would fail the preflight.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	instanceProfileActions,
	labInstanceProfileArn,
	labInstanceProfiles,
	labRoleArn,
	labRoles,
	roleActions,
} from '../../graders/doctor/lab-iam-needs.ts';

const page = readFileSync(new URL('../../src/content/docs/prepare-sandbox.mdx', import.meta.url), 'utf8');

interface Statement {
	Effect: string;
	Action: string[];
	Resource: string | string[];
}

function documentedPolicy(): { Statement: Statement[] } {
	const section = page.slice(page.indexOf('### What your identity must be allowed to do'));
	const json = /```json\n([\s\S]*?)```/.exec(section)?.[1];
	if (!json) throw new Error('prepare-sandbox.mdx: no JSON policy under "What your identity must be allowed to do"');
	return JSON.parse(json);
}

const matches = (pattern: string, arn: string) =>
	new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(arn);

function allows(policy: { Statement: Statement[] }, action: string, resourceArn: string): boolean {
	return policy.Statement.some(
		(statement) =>
			statement.Effect === 'Allow' &&
			statement.Action.includes(action) &&
			[statement.Resource].flat().some((pattern) => matches(pattern, resourceArn)),
	);
}

describe('Prepare your AWS sandbox: the permissions the labs need', () => {
	const policy = documentedPolicy();
	const account = '123456789012';

	it('allows every IAM action the doctor simulates, on every lab role and instance profile', () => {
		const missing: string[] = [];
		for (const role of labRoles) {
			for (const action of roleActions) {
				if (!allows(policy, action, labRoleArn('aws', account, role.name))) missing.push(`${action} on ${role.name}`);
			}
		}
		for (const profile of labInstanceProfiles) {
			for (const action of instanceProfileActions) {
				const arn = labInstanceProfileArn('aws', account, profile.name);
				if (!allows(policy, action, arn)) missing.push(`${action} on instance-profile ${profile.name}`);
			}
		}
		expect(missing).toEqual([]);
	});

	it('never lets a learner pass a role outside the course', () => {
		expect(allows(policy, 'iam:PassRole', `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`)).toBe(false);
	});

	it('no longer offers PowerUserAccess as a permission set that works', () => {
		expect(page).not.toMatch(/such as\s+`AdministratorAccess` or `PowerUserAccess`/);
		expect(page).toContain('**`PowerUserAccess` does not work.**');
	});
});
