import { describe, expect, it } from 'vitest';
import { parseStateChange } from '../../../../graders/collectors/cloudwatch/alarm-history.ts';

describe('parseStateChange', () => {
	it('reads old and new state from HistoryData', () => {
		const data = JSON.stringify({ oldState: { stateValue: 'OK' }, newState: { stateValue: 'ALARM' } });
		expect(parseStateChange(data, 'ignored')).toEqual({ from: 'OK', to: 'ALARM' });
	});

	it('falls back to the summary text when HistoryData is missing or not JSON', () => {
		expect(parseStateChange(undefined, 'Alarm updated from ALARM to OK')).toEqual({ from: 'ALARM', to: 'OK' });
		expect(parseStateChange('{broken', 'Alarm updated from OK to INSUFFICIENT_DATA')).toEqual({
			from: 'OK',
			to: 'INSUFFICIENT_DATA',
		});
		expect(parseStateChange(undefined, 'Alarm "x" created')).toEqual({ from: null, to: null });
	});
});
