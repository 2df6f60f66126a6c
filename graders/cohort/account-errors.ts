import { classifyReadError } from '../engine/errors.ts';
import type { AccountError } from './account-outcome.ts';
import type { RosterEntry } from './roster.ts';

/** Thrown when the grader role of a learner's account cannot be assumed. */
export class AssumeRoleFailed extends Error {
	override name = 'AssumeRoleFailed';
	readonly roleArn: string;
	constructor(roleArn: string, cause: unknown) {
		super(`cannot assume ${roleArn}: ${describe(cause)}`, { cause });
		this.roleArn = roleArn;
	}
}

/**
 * Thrown when a learner's role could not be assumed for a reason on the instructor's side (see
 * assume-role-errors.ts). It says nothing about the learner: the account is not recorded, so
 * `grade --resume` grades it later. `stopsRun` when no other account can succeed either.
 */
export class InstructorSideError extends Error {
	override name = 'InstructorSideError';
	readonly kind: 'credentials' | 'network' | 'throttled' | 'service';
	readonly stopsRun: boolean;
	constructor(kind: InstructorSideError['kind'], message: string, cause: unknown) {
		super(message, { cause });
		this.kind = kind;
		this.stopsRun = kind === 'credentials';
	}
}

/** Thrown when an account's grading runs past the per-account time limit. */
export class AccountTimedOut extends Error {
	override name = 'AccountTimedOut';
}

function describe(error: unknown): string {
	if (error instanceof Error)
		return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
	return String(error);
}

/**
 * Turns whatever grading one account threw into an error the instructor can act on. The account is
 * recorded as `error`, never as a failure of the learner.
 */
export function describeAccountError(error: unknown, target: RosterEntry): AccountError {
	if (error instanceof AccountTimedOut) return { kind: 'timeout', message: error.message };
	if (error instanceof AssumeRoleFailed) {
		return {
			kind: 'assume-role',
			message:
				`${error.message}. Check that account ${target.accountId} has the grader role (labs/grader-role/template.yaml), ` +
				'that it trusts your account, and that the external id matches the one it was deployed with ' +
				'(if every account says this, check that your own identity may call sts:AssumeRole).',
		};
	}
	const classified = classifyReadError(error, { service: 'sre-lab', operation: 'GradeAccount' });
	const kind = classified.kind === 'not-implemented' || classified.kind === 'region' ? 'other' : classified.kind;
	// The engine's advice (a missing action, a Region to fix) is kept; an unexpected error is clearer
	// in its own words.
	const ownWords = classified.kind === 'other' || classified.kind === 'not-implemented';
	return { kind, message: ownWords ? describe(error) : classified.message };
}
