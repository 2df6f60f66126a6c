import type { Parameter } from '../../../collectors/ssm/sre-lab-parameters.ts';
import { ReadFailed } from '../../../engine/errors.ts';
import type { CheckDefinition, CheckVerdict, SnapshotView } from '../../../engine/types.ts';
import {
	type ApplicationSignalsReading,
	applicationSignalsRead,
	describeInterval,
	readApplicationSignalsSlos,
} from '../facts/application-signals-slo.ts';
import { budgetIsRight, expectedBudgetMinutes, readSloParameter, sloParameterName } from '../facts/slo-record.ts';

const parameterRead = 'ssm.sre-lab-parameters';

/** The Parameter Store route: the JSON record and its error-budget arithmetic. */
function parameterVerdict(view: SnapshotView): CheckVerdict {
	const reading = readSloParameter(view.read<Parameter[]>(parameterRead));
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
}

/** What the Application Signals route adds to a failing parameter verdict. */
function applicationSignalsNote(reading: ApplicationSignalsReading): string {
	if (reading.state === 'unavailable') {
		return ' CloudWatch Application Signals is not available in this Region or at this endpoint, so only the parameter can count.';
	}
	if (reading.state !== 'read') return '';
	const [incomplete] = reading.incomplete;
	if (incomplete) return ` The Application Signals SLO "${incomplete.name}" has no attainment goal or interval.`;
	return ' No CloudWatch Application Signals service level objective was found either.';
}

/**
 * The SLO counts when it is recorded either way: as the /sre-lab/lab1/slo parameter with the right
 * budget, or as an Application Signals SLO with an attainment goal and an interval. A read failure of
 * one route only matters when the other route did not pass, and an endpoint without Application
 * Signals leaves the parameter as the only route.
 */
export const sloRecorded: CheckDefinition = {
	id: 'slo-recorded',
	reads: [parameterRead, applicationSignalsRead],
	evaluate(view) {
		let parameter: CheckVerdict | ReadFailed;
		try {
			parameter = parameterVerdict(view);
		} catch (error) {
			if (!(error instanceof ReadFailed)) throw error;
			parameter = error;
		}
		if (!(parameter instanceof ReadFailed) && parameter.status === 'pass') return parameter;
		const applicationSignals = readApplicationSignalsSlos(view);
		const slo = applicationSignals.state === 'read' ? applicationSignals.complete[0] : undefined;
		if (slo?.interval) {
			return {
				status: 'pass',
				message: `SLO recorded in CloudWatch Application Signals: "${slo.name}" aims for ${slo.attainmentGoal} % over ${describeInterval(slo.interval)}${slo.evaluationType ? ` (${slo.evaluationType})` : ''}.`,
				evidence: [slo.arn],
			};
		}
		if (parameter instanceof ReadFailed) throw parameter;
		const couldNotRead =
			applicationSignals.state === 'could-not-read'
				? applicationSignals.error
				: applicationSignals.state === 'read'
					? applicationSignals.failed[0]
					: undefined;
		if (couldNotRead) {
			// The learner may have used Application Signals: not knowing is an error, never a fail. A
			// parameter that exists but is wrong still says what is wrong with it, so it can be fixed.
			const { readError } = couldNotRead;
			const missing = readSloParameter(view.read<Parameter[]>(parameterRead)).state === 'missing';
			throw new ReadFailed({
				...readError,
				message: missing
					? `${readError.message} Recording the SLO in ${sloParameterName} instead also satisfies this check.`
					: `${parameter.message} Correcting it satisfies this check; whether an Application Signals SLO would count instead could not be read: ${readError.message}`,
			});
		}
		if (applicationSignals.state === 'unavailable') {
			view.setAside(
				applicationSignals.error,
				'Application Signals is not offered in this Region or at this endpoint, so no SLO can be recorded there',
			);
		}
		return { ...parameter, message: `${parameter.message}${applicationSignalsNote(applicationSignals)}` };
	},
};
