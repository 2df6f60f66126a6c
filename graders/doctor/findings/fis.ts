import { dataOf, errorOf, type Finding, type Reads } from '../finding.ts';
import type { FisLambdaAction } from '../reads/fis-lambda-action.ts';

const id = 'fis';
const title = 'AWS FIS for Lab 4';

const regionFix =
	'Labs 1–3 work here. For Lab 4, build Lab 3 in a Region where AWS FIS offers its Lambda actions (the AWS FIS User Guide lists them), since Lab 4 runs on the Lab 3 stack.';

/**
 * Lab 4's experiment is an AWS FIS Lambda action on the Lab 3 stack, so it must be offered in the
 * learner's Region. Told without creating anything: FIS answering GetAction for the lab's action.
 * A Region without it is a warning, not a failure: every other lab works there.
 */
export function fisFinding(region: string | null, regionUsable: boolean, regionReads: Reads | null): Finding {
	if (!region || !regionUsable || !regionReads) {
		return { id, title, status: 'skipped', message: 'Needs a usable Region first.' };
	}
	const outcome = regionReads['fis.lab4-action'];
	const error = errorOf(outcome);
	if (error?.kind === 'access-denied') {
		return {
			id,
			title,
			status: 'error',
			message: `Could not check: your identity may not call ${error.action ?? 'fis:GetAction'}, which doctor uses to ask AWS FIS what it offers in ${region}. That is no problem in itself; if Lab 4 step 1 fails with AccessDenied, your permission set is too narrow.`,
		};
	}
	if (error) return { id, title, status: 'error', message: error.message };
	const action = dataOf<FisLambdaAction>(outcome);
	if (!action) return { id, title, status: 'error', message: 'Whether AWS FIS is offered was not read.' };
	if (action.offered) {
		return {
			id,
			title,
			status: 'pass',
			message: `AWS FIS offers ${action.actionId} in ${region}, the fault Lab 4 injects.`,
		};
	}
	if (action.why === 'no-endpoint') {
		return {
			id,
			title,
			status: 'warn',
			message: `AWS FIS is not offered in ${region} (${action.host} does not resolve, although AWS answered other calls), so Lab 4's experiment cannot run here.`,
			fix: regionFix,
		};
	}
	return {
		id,
		title,
		status: 'warn',
		message: `AWS FIS answers in ${region} but does not offer ${action.actionId}, the fault Lab 4 injects into the Lab 3 functions.`,
		fix: regionFix,
	};
}
