import { dataOf, errorOf, type Finding, isAccountWide, type Reads } from '../finding.ts';
import { labOfResource } from '../lab-iam-needs.ts';
import type { CallerLabPermissions, SimulatedAction } from '../reads/caller-lab-permissions.ts';

const title = 'Permission to create and pass IAM roles';

const permissionFix =
	'Use AdministratorAccess in an account kept for the course, or a permission set with these IAM actions on roles and instance profiles named sre-lab* (see "Prepare your AWS sandbox"). PowerUserAccess denies them all.';

interface Denial {
	action: string;
	labs: string[];
	/** Condition keys the simulation had no value for: the denial may not hold in a real request. */
	missingContext: string[];
}

function denialsOf(actions: readonly SimulatedAction[]): Denial[] {
	return actions.flatMap((simulated) => {
		const denied = simulated.resources.filter((resource) => resource.decision !== 'allowed');
		if (denied.length === 0) return [];
		const labs = [...new Set(denied.map((resource) => labOfResource(resource.resourceArn) ?? resource.resourceArn))];
		const missingContext = [...new Set(denied.flatMap((resource) => resource.missingContext))];
		// A conclusive denial on any resource outweighs inconclusive ones on the others.
		const conclusive = denied.some(
			(resource) => resource.decision === 'explicitDeny' || resource.missingContext.length === 0,
		);
		return [{ action: simulated.action, labs, missingContext: conclusive ? [] : missingContext }];
	});
}

const describeDenial = (denial: Denial) => `${denial.action} (${denial.labs.join(', ')})`;

/**
 * What the caller's own policies (with any permissions boundary and SCPs, which the simulator
 * applies) decide for the IAM work of the labs. A simulation that could not run is `error`, never
 * `fail`: it says nothing about the permissions themselves.
 */
export function iamRolesFinding(accountReads: Reads): Finding {
	if (isAccountWide(errorOf(accountReads['sts.caller-identity']))) {
		return { id: 'iam-roles', title, status: 'skipped', message: 'Skipped until the credentials line passes.' };
	}
	const outcome = accountReads['iam.caller-lab-permissions'];
	const error = errorOf(outcome);
	if (error?.kind === 'access-denied') {
		return {
			id: 'iam-roles',
			title,
			status: 'error',
			message: `Could not check: your identity may not call ${error.action ?? `${error.service}:${error.operation}`}, which doctor uses to ask IAM what you may do. That is no problem in itself; if a lab step that creates a role fails with AccessDenied, your permission set is too narrow.`,
		};
	}
	if (error) return { id: 'iam-roles', title, status: 'error', message: error.message };
	const permissions = dataOf<CallerLabPermissions>(outcome);
	if (!permissions) return { id: 'iam-roles', title, status: 'error', message: 'The simulation was not read.' };
	if (!permissions.simulated) {
		const why = {
			root: 'the root user may do anything an SCP allows, and the IAM policy simulator cannot evaluate it',
			'federated-user':
				'a federated user session’s permissions include its session policy, which the IAM policy simulator cannot see',
			unknown: 'the IAM policy simulator evaluates IAM users and roles only',
		}[permissions.reason];
		return {
			id: 'iam-roles',
			title,
			status: 'error',
			message: `Could not check for ${permissions.callerArn}: ${why}. Sign in as your everyday IAM Identity Center or IAM user identity and run doctor again.`,
		};
	}
	const denials = denialsOf(permissions.actions);
	const conclusive = denials.filter((denial) => denial.missingContext.length === 0);
	if (conclusive.length > 0) {
		return {
			id: 'iam-roles',
			title,
			status: 'fail',
			message: `${permissions.policySourceArn} may not: ${conclusive.map(describeDenial).join('; ')}.`,
			fix: permissionFix,
		};
	}
	if (denials.length > 0) {
		const keys = [...new Set(denials.flatMap((denial) => denial.missingContext))].join(', ');
		return {
			id: 'iam-roles',
			title,
			status: 'error',
			message: `Could not tell: ${denials.map(describeDenial).join('; ')} depend on conditions (${keys}) that a simulation cannot fill in.`,
		};
	}
	const simulated = permissions.actions.length;
	const guessed =
		permissions.roleArnFrom === 'pathless' ? ' (iam:GetRole was denied, so the role was taken to have no path)' : '';
	return {
		id: 'iam-roles',
		title,
		status: 'pass',
		message: `${permissions.policySourceArn}${guessed} may create, pass and delete the labs' roles and instance profiles (${simulated} IAM actions simulated).`,
	};
}
