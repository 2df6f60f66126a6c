import { z } from 'zod';
import { accountIdPattern, externalIdPattern, regionPattern, roleArnPattern } from './aws-identifiers.ts';

export const requiredRosterColumns = ['learner_id', 'name', 'email', 'account_id'] as const;
export const optionalRosterColumns = ['role_arn', 'region', 'external_id'] as const;
export const rosterColumns: readonly string[] = [...requiredRosterColumns, ...optionalRosterColumns];

// An empty cell in an optional column means "use the command-line default".
const optionalCell = <T extends z.ZodType>(schema: T) =>
	z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** One roster line as written in the CSV file, before defaults are applied. */
export const RosterRowSchema = z.object({
	learner_id: z
		.string()
		.min(1, 'learner_id is empty')
		.max(128, 'learner_id is longer than 128 characters')
		.regex(/^[\w.@+-]+$/, 'learner_id may only contain letters, digits and . @ + - _'),
	name: z.string().min(1, 'name is empty').max(200, 'name is longer than 200 characters'),
	email: z.email({ error: 'email is not a valid address' }),
	account_id: z.string().superRefine((value, ctx) => {
		if (accountIdPattern.test(value)) return;
		const digitsOnly = /^\d+$/.test(value);
		ctx.addIssue({
			code: 'custom',
			message:
				digitsOnly && value.length < 12
					? `account_id must be 12 digits, got ${value.length} (a spreadsheet may have dropped leading zeros: format the column as text)`
					: `account_id must be 12 digits, got "${value}"`,
		});
	}),
	role_arn: optionalCell(
		z.string().regex(roleArnPattern, 'role_arn is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)'),
	),
	region: optionalCell(z.string().regex(regionPattern, 'region is not an AWS region name such as eu-west-1')),
	external_id: optionalCell(
		z.string().regex(externalIdPattern, 'external_id must be 2–1224 characters of letters, digits and +=,.@:/-_'),
	),
});

export type RosterRowInput = z.input<typeof RosterRowSchema>;
export type RosterRow = z.output<typeof RosterRowSchema>;
