import type { CheckVerdict, SnapshotView } from '../../../engine/types.ts';
import { type AlarmKind, describeWatched, judgeAppAlarms } from './app-alarms.ts';

/** How the messages name each kind of alarm and what it must watch. */
const wording: Record<AlarmKind, { found: string; watched: string }> = {
	latency: { found: 'Latency alarms', watched: "latency (the API's Latency or a function's Duration)" },
	errors: { found: 'Error alarms', watched: "errors (the API's 5xx or a function's Errors)" },
};

/**
 * The verdict of the latency and error-rate alarm checks, which differ only in the kind of alarm:
 * pass for the first alarm of that kind that counts, else say what keeps each candidate from counting.
 */
export function appAlarmVerdict(view: SnapshotView, kind: AlarmKind): CheckVerdict {
	const judged = judgeAppAlarms(view, kind);
	if (judged.length === 0) {
		return { status: 'fail', message: `No alarm watches the application's ${wording[kind].watched}.` };
	}
	const good = judged.find((judgement) => judgement.problems.length === 0);
	if (!good) {
		return {
			status: 'fail',
			message: `${wording[kind].found} were found but none counts yet: ${judged
				.map((judgement) => `"${judgement.alarm.alarmName}": ${judgement.problems.join(', ')}`)
				.join('; ')}.`,
			evidence: judged.map((judgement) => judgement.alarm.alarmArn),
		};
	}
	return {
		status: 'pass',
		message: `Alarm "${good.alarm.alarmName}" watches ${describeWatched(good)} and notifies ${good.topics.join(', ')}.`,
		evidence: [good.alarm.alarmArn, ...good.topics],
	};
}
