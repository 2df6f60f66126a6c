import { z } from 'zod';
import { allowedDowntimeMinutes } from '../../../../src/utils/error-budget.ts';
import type { Parameter } from '../../../collectors/ssm/sre-lab-parameters.ts';

export const sloParameterName = '/sre-lab/lab1/slo';
/** The objective the lab page proposes; used to judge alarms until the learner records their own. */
export const labDefaultObjective = 99.9;

export const SloRecordSchema = z.object({
	sli: z.string().trim().min(1, 'sli must describe the indicator'),
	objective: z.number().gt(0).lt(100),
	windowDays: z.number().positive(),
	errorBudgetMinutes: z.number().nonnegative(),
});
export type SloRecord = z.output<typeof SloRecordSchema>;

export type SloReading =
	| { state: 'missing' }
	| { state: 'unreadable'; parameter: Parameter; problem: string }
	| { state: 'recorded'; parameter: Parameter; record: SloRecord };

export function readSloParameter(parameters: readonly Parameter[]): SloReading {
	const parameter = parameters.find((candidate) => candidate.name === sloParameterName);
	if (!parameter) return { state: 'missing' };
	if (parameter.type === 'SecureString') {
		return {
			state: 'unreadable',
			parameter,
			problem: 'it is a SecureString; store it as a String (it holds no secret)',
		};
	}
	let json: unknown;
	try {
		json = JSON.parse(parameter.value);
	} catch {
		return { state: 'unreadable', parameter, problem: 'its value is not JSON' };
	}
	const parsed = SloRecordSchema.safeParse(json);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`);
		return { state: 'unreadable', parameter, problem: problems.join('; ') };
	}
	return { state: 'recorded', parameter, record: parsed.data };
}

/** The error budget the record's own objective and window imply, in minutes. */
export function expectedBudgetMinutes(record: SloRecord): number {
	return allowedDowntimeMinutes(record.objective, record.windowDays);
}

/**
 * A budget rounded for humans still counts: within 0.5 % of the exact figure or 0.1 minute,
 * whichever is larger (43 or 43.2 for 99.9 % over 30 days; not 4.32).
 */
export function budgetIsRight(record: SloRecord): boolean {
	const expected = expectedBudgetMinutes(record);
	return Math.abs(record.errorBudgetMinutes - expected) <= Math.max(0.1, expected * 0.005);
}
