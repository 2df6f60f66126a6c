import type { CheckVerdict, SnapshotView } from '../../../engine/types.ts';
import {
	type AlarmKind,
	describeWatched,
	judgeAppAlarms,
	judgeAppComposites,
	readCompositeAlarms,
} from './app-alarms.ts';

/** How the messages name each kind of alarm and what it must watch. */
const wording: Record<AlarmKind, { found: string; watched: string }> = {
	latency: { found: 'Latency alarms', watched: "latency (the API's Latency or a function's Duration)" },
	errors: { found: 'Error alarms', watched: "errors (the API's 5xx or a function's Errors)" },
};

/**
 * The verdict of the latency and error-rate alarm checks, which differ only in the kind of alarm:
 * pass for the first alarm of that kind that counts (a metric alarm, or a composite built on one), else
 * say what keeps each candidate from counting.
 */
export function appAlarmVerdict(view: SnapshotView, kind: AlarmKind): CheckVerdict {
	const judged = judgeAppAlarms(view, kind);
	const good = judged.find((judgement) => judgement.problems.length === 0);
	if (good) {
		return {
			status: 'pass',
			message: `Alarm "${good.alarm.alarmName}" watches ${describeWatched(good)} and notifies ${good.topics.join(', ')}.`,
			evidence: [good.alarm.alarmArn, ...good.topics],
		};
	}
	// Only now do composites matter; if they could not be read, a fail would rest on a missing read.
	const { composites, failure } = readCompositeAlarms(view);
	if (failure) throw failure;
	const composed = judgeAppComposites(view, kind, composites);
	const goodComposite = composed.find((judgement) => judgement.problems.length === 0);
	if (goodComposite) {
		const [member] = goodComposite.members;
		return {
			status: 'pass',
			message: `Composite alarm "${goodComposite.composite.alarmName}" fires on "${member?.alarm.alarmName}", which watches ${member ? describeWatched(member) : 'the application'}, and notifies ${goodComposite.topics.join(', ')}.`,
			evidence: [
				goodComposite.composite.alarmArn,
				...goodComposite.members.map((m) => m.alarm.alarmArn),
				...goodComposite.topics,
			],
		};
	}
	if (judged.length === 0) {
		return { status: 'fail', message: `No alarm watches the application's ${wording[kind].watched}.` };
	}
	const reasons = [
		...judged.map((judgement) => `"${judgement.alarm.alarmName}": ${judgement.problems.join(', ')}`),
		...composed.map((judgement) => `composite "${judgement.composite.alarmName}": ${judgement.problems.join(', ')}`),
	];
	return {
		status: 'fail',
		message: `${wording[kind].found} were found but none counts yet: ${reasons.join('; ')}.`,
		evidence: [
			...judged.map((judgement) => judgement.alarm.alarmArn),
			...composed.map((judgement) => judgement.composite.alarmArn),
		],
	};
}
