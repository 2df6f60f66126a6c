import { describe, expect, it } from 'vitest';
import type { Experiment } from '../../../../graders/collectors/fis/lab4-experiments.ts';
import { experimentOutcome } from '../../../../graders/labs/lab4/facts/experiment-outcome.ts';
import { app, completeLab4Account, gameDayTemplate } from './support/lab4-account.ts';
import { collectLab4 } from './support/lab4-scenarios.ts';
import { gradeCheck } from './support/lab4-steps.ts';

const id = 'experiment-ran';

const stopped: Experiment = {
	id: 'EXP1',
	experimentTemplateId: 'EXT1',
	status: 'stopped',
	reason: null,
	creationTime: '2026-11-22T10:01:58.000Z',
	startTime: '2026-11-22T10:02:00.000Z',
	endTime: '2026-11-22T10:06:20.000Z',
	stopConditionAlarms: [app.latencyAlarmArn],
};
const alarmAt = (timestamp: string, alarmName: string = app.latencyAlarm) => [
	{ alarmName, timestamp, from: 'OK', to: 'ALARM', evaluated: true },
];
const noHistory = () => {
	throw new Error('the history is not needed');
};

describe('experiment outcome', () => {
	it('maps FIS states: completed counts, failed and cancelled do not, the rest are in progress', () => {
		expect(experimentOutcome({ ...stopped, status: 'completed' }, noHistory)).toBe('completed');
		expect(experimentOutcome({ ...stopped, status: 'failed' }, noHistory)).toBe('failed');
		expect(experimentOutcome({ ...stopped, status: 'cancelled' }, noHistory)).toBe('cancelled');
		for (const status of ['pending', 'initiating', 'running', 'stopping'])
			expect(experimentOutcome({ ...stopped, status }, noHistory)).toBe('in-progress');
	});

	it('does not take a state it does not know (or none) for a failure', () => {
		for (const status of ['unknown', 'paused'])
			expect(experimentOutcome({ ...stopped, status }, noHistory)).toBe('unrecognised');
	});

	it('takes a stopped experiment as stopped by its stop condition when its alarm fired while it ran', () => {
		expect(experimentOutcome(stopped, () => alarmAt('2026-11-22T10:06:00.000Z'))).toBe('stopped-by-stop-condition');
		// FIS records the end a little after it saw the alarm.
		expect(experimentOutcome(stopped, () => alarmAt('2026-11-22T10:07:00.000Z'))).toBe('stopped-by-stop-condition');
	});

	it('takes it as stopped by hand when no stop-condition alarm fired while it ran', () => {
		expect(experimentOutcome(stopped, () => [])).toBe('stopped-by-hand');
		expect(experimentOutcome(stopped, () => alarmAt('2026-11-22T10:01:00.000Z'))).toBe('stopped-by-hand');
		expect(experimentOutcome(stopped, () => alarmAt('2026-11-22T10:30:00.000Z'))).toBe('stopped-by-hand');
		expect(experimentOutcome(stopped, () => alarmAt('2026-11-22T10:05:00.000Z', 'another-alarm'))).toBe(
			'stopped-by-hand',
		);
	});

	it('does not count an experiment that ended without running its Lambda fault action', () => {
		const completed = { ...stopped, status: 'completed', actionsMode: 'run-all' };
		// A target preview completes with every action skipped.
		expect(
			experimentOutcome({ ...completed, actionsMode: 'skip-all', faultActionStates: ['skipped'] }, noHistory),
		).toBe('no-fault-injected');
		// Targets that resolved to nothing under emptyTargetResolutionMode skip.
		expect(experimentOutcome({ ...completed, faultActionStates: ['skipped'] }, noHistory)).toBe('no-fault-injected');
		// Stopped before the fault action started (it waited on another action).
		expect(
			experimentOutcome({ ...stopped, faultActionStates: ['cancelled'] }, () => alarmAt('2026-11-22T10:06:00.000Z')),
		).toBe('no-fault-injected');
		// No Lambda fault action at all: the template was given one after this run.
		expect(experimentOutcome({ ...completed, faultActionStates: [] }, noHistory)).toBe('no-fault-injected');
	});

	it('counts a fault action that ran to its end or was stopped with the experiment', () => {
		const completed = { ...stopped, status: 'completed', actionsMode: 'run-all' };
		expect(experimentOutcome({ ...completed, faultActionStates: ['completed', 'skipped'] }, noHistory)).toBe(
			'completed',
		);
		expect(
			experimentOutcome({ ...stopped, faultActionStates: ['stopped'] }, () => alarmAt('2026-11-22T10:06:00.000Z')),
		).toBe('stopped-by-stop-condition');
		// A snapshot saved before sre-lab read the actions' states counts as before.
		expect(experimentOutcome({ ...stopped, status: 'completed' }, noHistory)).toBe('completed');
	});

	it('believes a reason that says the stop condition stopped it', () => {
		expect(experimentOutcome({ ...stopped, reason: 'Stop condition triggered.' }, noHistory)).toBe(
			'stopped-by-stop-condition',
		);
	});
});

describe('experiment-ran', () => {
	it('passes a completed experiment without reading the alarm history', async () => {
		const account = completeLab4Account();
		for (const experiment of account.experiments) experiment.status = 'completed';
		const result = gradeCheck(await collectLab4(account, { deny: ['cloudwatch:DescribeAlarmHistory'] }), id);
		expect(result.status).toBe('pass');
		expect(result.message).toContain('completed');
	});

	it('fails an experiment stopped by hand, saying a stopped one does not count', async () => {
		const account = completeLab4Account();
		account.history = [];
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('was stopped by hand');
	});

	it('fails an experiment that failed before it started, quoting FIS’s reason', async () => {
		const account = completeLab4Account();
		for (const experiment of account.experiments) {
			experiment.status = 'failed';
			experiment.reason = 'Target resolution returned empty set.';
			experiment.start = undefined;
			experiment.end = '2026-11-22T10:02:10Z';
		}
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('never started) failed: "Target resolution returned empty set"');
	});

	it('fails a running experiment, saying to wait', async () => {
		const account = completeLab4Account();
		for (const experiment of account.experiments) {
			experiment.status = 'running';
			experiment.end = undefined;
		}
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('is still running');
		expect(result.message).toContain('Wait until it ends');
	});

	it('is could-not-grade, not fail, when the only experiment is in a state the grader does not know', async () => {
		const account = completeLab4Account();
		for (const experiment of account.experiments) experiment.status = 'paused';
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('error');
		expect(result.message).toContain('is in the state "paused", which this version of sre-lab does not know');
	});

	it('fails a target preview, which completes without injecting the fault', async () => {
		const account = completeLab4Account();
		for (const experiment of account.experiments) {
			experiment.status = 'completed';
			experiment.actionStatus = 'skipped';
			experiment.actionsMode = 'skip-all';
		}
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('ended without injecting the fault');
		expect(result.message).toContain('not a target preview');
	});

	it('does not count an experiment before the window', async () => {
		const account = completeLab4Account();
		for (const experiment of account.experiments) {
			experiment.created = '2026-11-20T10:01:58Z';
			experiment.start = '2026-11-20T10:02:00Z';
			experiment.end = '2026-11-20T10:06:20Z';
		}
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain(`No experiment from template ${app.fisTemplate} started since`);
	});

	it('does not count an experiment of a lab template that is not ready', async () => {
		const account = completeLab4Account();
		const unready = { ...gameDayTemplate(), id: 'EXTnostopcondition', stopConditions: [{ source: 'none' }] };
		account.fisTemplates.push(unready);
		for (const experiment of account.experiments) experiment.template = unready.id;
		const result = gradeCheck(await collectLab4(account), id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('No experiment from template');
	});

	it.each([['fis:ListExperiments'], ['fis:GetExperiment']])('is could-not-grade when %s is denied', async (action) => {
		const result = gradeCheck(await collectLab4(completeLab4Account(), { deny: [action] }), id);
		expect(result.status).toBe('error');
		expect(result.message).toContain(action);
	});

	it('is could-not-grade when a stopped experiment’s alarm history may not be read', async () => {
		const result = gradeCheck(
			await collectLab4(completeLab4Account(), { deny: ['cloudwatch:DescribeAlarmHistory'] }),
			id,
		);
		expect(result.status).toBe('error');
		expect(result.message).toContain('cloudwatch:DescribeAlarmHistory');
	});
});
