import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';

type FaultMode = 'none' | 'latency' | 'errors';
interface FaultSwitchModule {
	FAULT_MODES: readonly FaultMode[];
	parseFaultMode(value: unknown): FaultMode;
	createFaultSwitch(options: {
		readParameter: () => Promise<unknown>;
		now?: () => number;
		ttlMs?: number;
	}): () => Promise<FaultMode>;
	faultEffect(mode: FaultMode, random?: () => number): { delayMs: number; fail: boolean };
}

const load = createRequire(import.meta.url);
const { FAULT_MODES, parseFaultMode, createFaultSwitch, faultEffect } = load(
	'../../../../../labs/lab3/app/services/fault-switch.cjs',
) as FaultSwitchModule;

describe('parseFaultMode', () => {
	it('accepts the three documented modes, ignoring case and spaces', () => {
		expect(FAULT_MODES).toEqual(['none', 'latency', 'errors']);
		expect(parseFaultMode('latency')).toBe('latency');
		expect(parseFaultMode(' ERRORS \n')).toBe('errors');
		expect(parseFaultMode('none')).toBe('none');
	});

	it('treats anything else as no fault, so a typo cannot break the application', () => {
		expect(parseFaultMode('latancy')).toBe('none');
		expect(parseFaultMode('')).toBe('none');
		expect(parseFaultMode(undefined)).toBe('none');
	});
});

describe('createFaultSwitch', () => {
	it('reads the parameter once per time-to-live and then again', async () => {
		let clock = 1_000;
		const readParameter = vi.fn().mockResolvedValueOnce('latency').mockResolvedValueOnce('none');
		const currentFault = createFaultSwitch({ readParameter, now: () => clock, ttlMs: 5_000 });

		expect(await currentFault()).toBe('latency');
		clock += 4_999;
		expect(await currentFault()).toBe('latency');
		expect(readParameter).toHaveBeenCalledTimes(1);

		clock += 1;
		expect(await currentFault()).toBe('none');
		expect(readParameter).toHaveBeenCalledTimes(2);
	});

	it('keeps the last known mode when the parameter cannot be read', async () => {
		let clock = 0;
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		const readParameter = vi
			.fn()
			.mockResolvedValueOnce('errors')
			.mockRejectedValueOnce(new Error('ThrottlingException'));
		const currentFault = createFaultSwitch({ readParameter, now: () => clock, ttlMs: 10 });

		expect(await currentFault()).toBe('errors');
		clock = 10;
		expect(await currentFault()).toBe('errors');
		expect(warn).toHaveBeenCalledWith(expect.stringContaining('ThrottlingException'));
		warn.mockRestore();
	});

	it('starts with no fault when the very first read fails', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		const currentFault = createFaultSwitch({ readParameter: () => Promise.reject(new Error('ParameterNotFound')) });
		expect(await currentFault()).toBe('none');
		warn.mockRestore();
	});
});

describe('faultEffect', () => {
	it('does nothing without a fault', () => {
		expect(faultEffect('none', () => 0)).toEqual({ delayMs: 0, fail: false });
	});

	it('adds between 1.5 and 2.5 seconds in latency mode and never fails', () => {
		expect(faultEffect('latency', () => 0)).toEqual({ delayMs: 1500, fail: false });
		expect(faultEffect('latency', () => 0.999)).toEqual({ delayMs: 2499, fail: false });
	});

	it('fails about half of the requests in errors mode, without delay', () => {
		expect(faultEffect('errors', () => 0.49)).toEqual({ delayMs: 0, fail: true });
		expect(faultEffect('errors', () => 0.5)).toEqual({ delayMs: 0, fail: false });
	});
});
