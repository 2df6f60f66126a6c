import type { ReadError } from '../../engine/types.ts';
import { dataOf, errorOf, type Finding, type Reads } from '../finding.ts';
import type { ConfigRecorder } from '../reads/config-recorder.ts';
import { lab4RecordedType, lambdaRecordingFrequency, recordsLambdaFunctions } from '../recording-scope.ts';

const id = 'config-recorder';
const title = 'AWS Config recorder for Lab 4';

/** A denied or failed read says nothing about the recorder: doctor's own "could not check". */
function couldNotCheck(error: ReadError): Finding {
	if (error.kind === 'access-denied') {
		return {
			id,
			title,
			status: 'error',
			message: `Could not check: your identity may not call ${error.action ?? `${error.service}:${error.operation}`}. That is no problem in itself; Lab 4 step 6 shows how to see the recorder yourself.`,
		};
	}
	return { id, title, status: 'error', message: error.message };
}

/** What the recorder records, when that is not Lambda functions continuously: step 6 needs both. */
function scopeProblem(recorder: ConfigRecorder): string | undefined {
	if (!recordsLambdaFunctions(recorder)) {
		return `It does not record ${lab4RecordedType}, which step 6's rule evaluates: add that type to its recording group then (AWS Config → Settings → Edit; each type recorded costs per configuration item) instead of creating a second recorder.`;
	}
	if (lambdaRecordingFrequency(recorder) === 'DAILY') {
		return `It records ${lab4RecordedType} once a day, so step 6's rule may have no result for up to 24 hours: set that type to Continuous recording for the lab (Settings → Edit → recording frequency overrides).`;
	}
	return undefined;
}

/**
 * Lab 4 step 6 needs a configuration recorder that records Lambda functions. None is no problem (the
 * step creates one); one that exists is reused, because a Region holds at most one customer-managed
 * recorder, and one that records is billing already. Never `fail`: nothing here stops Lab 1.
 */
export function configRecorderFinding(
	region: string | null,
	regionUsable: boolean,
	regionReads: Reads | null,
): Finding {
	if (!region || !regionUsable || !regionReads) {
		return { id, title, status: 'skipped', message: 'Needs a usable Region first.' };
	}
	const outcome = regionReads['config.configuration-recorder'];
	const error = errorOf(outcome);
	if (error) return couldNotCheck(error);
	const recorders = dataOf<ConfigRecorder[]>(outcome);
	if (!recorders) return { id, title, status: 'error', message: 'The configuration recorder was not read.' };
	const recorder = recorders[0];
	if (!recorder) {
		return {
			id,
			title,
			status: 'pass',
			message: `No configuration recorder in ${region}. Lab 4 step 6 creates one; it costs per configuration item recorded, so stop it after the lab.`,
		};
	}
	const name = `"${recorder.name}"`;
	const scope = scopeProblem(recorder);
	if (recorder.recording === null) {
		return {
			id,
			title,
			status: 'error',
			message: `${region} has the configuration recorder ${name}, but AWS Config reported no status for it, so whether it records could not be told.`,
		};
	}
	if (recorder.recording && recorder.lastStatus === 'Failure') {
		const why = [recorder.lastErrorCode, recorder.lastErrorMessage].filter(Boolean).join(': ') || 'no reason given';
		return {
			id,
			title,
			status: 'warn',
			message: `The configuration recorder ${name} in ${region} is on, but its latest recording failed (${why}).`,
			fix: `Before Lab 4 step 6, fix it in AWS Config → Settings (often its role or delivery channel); reuse it rather than creating another: a Region has at most one.${scope ? ` ${scope}` : ''}`,
		};
	}
	if (scope) {
		return {
			id,
			title,
			status: 'warn',
			message: `${region} has the configuration recorder ${name} (${recorder.recording ? 'recording, so already billing' : 'stopped'}), which Lab 4 step 6 reuses: a Region has at most one.`,
			fix: `${scope}${recorder.recording ? '' : ' Start it for step 6 and stop it again after the lab.'}`,
		};
	}
	if (recorder.recording) {
		return {
			id,
			title,
			status: 'pass',
			message: `The configuration recorder ${name} in ${region} is recording, Lambda functions included, and already billing per configuration item. Lab 4 step 6 reuses it (a Region has at most one): leave it as it is after the lab.`,
		};
	}
	return {
		id,
		title,
		status: 'pass',
		message: `The configuration recorder ${name} in ${region} exists but is stopped. In Lab 4 step 6 start it (\`aws configservice start-configuration-recorder --configuration-recorder-name ${recorder.name}\`), and stop it again after the lab.`,
	};
}
