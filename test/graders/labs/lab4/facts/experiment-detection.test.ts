import { describe, expect, it } from 'vitest';
import type { AlarmStateChange } from '../../../../../graders/collectors/cloudwatch/alarm-history.ts';
import { detectionDuring } from '../../../../../graders/labs/lab4/facts/experiment-detection.ts';

const change = (alarmName: string, timestamp: string, to: string, evaluated = true): AlarmStateChange => ({
	alarmName,
	timestamp,
	from: to === 'ALARM' ? 'OK' : 'ALARM',
	to,
	evaluated,
});
const run = { id: 'EXP1a2b3c4d5e6f7g8', startTime: '2026-11-22T10:00:00.000Z', endTime: '2026-11-22T10:10:00.000Z' };
const until = '2026-11-22T12:00:00.000Z';

describe('detectionDuring', () => {
	it('needs an evaluated ALARM during the experiment (or its grace), then an evaluated OK', () => {
		const history = [
			change('a', '2026-11-22T09:50:00Z', 'ALARM'),
			change('a', '2026-11-22T09:55:00Z', 'OK'),
			change('a', '2026-11-22T10:06:00Z', 'ALARM'),
			change('b', '2026-11-22T10:07:00Z', 'ALARM'),
			change('a', '2026-11-22T10:20:00Z', 'OK'),
		];
		expect(detectionDuring(history, 'a', run, until)).toEqual({
			alarmAt: '2026-11-22T10:06:00Z',
			okAt: '2026-11-22T10:20:00Z',
			setByHand: [],
		});
		expect(detectionDuring(history, 'b', run, until)).toEqual({
			alarmAt: '2026-11-22T10:07:00Z',
			okAt: null,
			setByHand: [],
		});
	});

	it('counts an ALARM a few minutes after the end (metric lag), not one an hour later', () => {
		const late = [change('a', '2026-11-22T10:20:00Z', 'ALARM'), change('a', '2026-11-22T10:30:00Z', 'OK')];
		expect(detectionDuring(late, 'a', run, until).alarmAt).toBe('2026-11-22T10:20:00Z');
		const tooLate = [change('a', '2026-11-22T11:10:00Z', 'ALARM'), change('a', '2026-11-22T11:20:00Z', 'OK')];
		expect(detectionDuring(tooLate, 'a', run, until)).toEqual({ alarmAt: null, okAt: null, setByHand: [] });
	});

	it('does not count states set by hand, and names them', () => {
		const history = [
			change('a', '2026-11-22T10:05:00Z', 'ALARM', false),
			change('a', '2026-11-22T10:08:00Z', 'OK', false),
		];
		expect(detectionDuring(history, 'a', run, until)).toEqual({
			alarmAt: null,
			okAt: null,
			setByHand: ['2026-11-22T10:05:00Z'],
		});
		const okByHand = [change('a', '2026-11-22T10:05:00Z', 'ALARM'), change('a', '2026-11-22T10:08:00Z', 'OK', false)];
		expect(detectionDuring(okByHand, 'a', run, until).okAt).toBeNull();
	});

	it('treats a running experiment as lasting until the end of the window', () => {
		const history = [change('a', '2026-11-22T11:30:00Z', 'ALARM')];
		expect(detectionDuring(history, 'a', { ...run, endTime: null }, until).alarmAt).toBe('2026-11-22T11:30:00Z');
	});
});
