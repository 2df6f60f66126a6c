import type { Parameter } from '../../../collectors/ssm/sre-lab-parameters.ts';
import type { CheckDefinition } from '../../../engine/types.ts';
import { budgetIsRight, expectedBudgetMinutes, readSloParameter, sloParameterName } from '../facts/slo-record.ts';

export const sloRecorded: CheckDefinition = {
	id: 'slo-recorded',
	reads: ['ssm.sre-lab-parameters'],
	evaluate(view) {
		const reading = readSloParameter(view.read<Parameter[]>('ssm.sre-lab-parameters'));
		if (reading.state === 'missing') {
			return { status: 'fail', message: `There is no parameter ${sloParameterName} in ${view.region}.` };
		}
		if (reading.state === 'unreadable') {
			return {
				status: 'fail',
				message: `${sloParameterName} exists but ${reading.problem}.`,
				evidence: [sloParameterName],
			};
		}
		const { record } = reading;
		const expected = Number(expectedBudgetMinutes(record).toFixed(2));
		if (!budgetIsRight(record)) {
			return {
				status: 'fail',
				message: `${sloParameterName} says ${record.errorBudgetMinutes} minutes of error budget, but ${record.objective} % over ${record.windowDays} days allows ${expected} minutes.`,
				evidence: [sloParameterName],
			};
		}
		return {
			status: 'pass',
			message: `SLO recorded: ${record.objective} % over ${record.windowDays} days ("${record.sli}"), error budget ${record.errorBudgetMinutes} minutes (exact: ${expected}).`,
			evidence: [sloParameterName],
		};
	},
};
