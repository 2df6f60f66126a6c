'use strict';
// The fault switch: an SSM parameter (/sre-lab/lab3/fault) the learner flips to degrade the
// application on purpose, so that alarms have something real to catch.
// CommonJS because CloudFormation writes inline Lambda code to index.js, which Lambda loads as CommonJS.

const FAULT_MODES = ['none', 'latency', 'errors'];

// Anything unexpected (a typo, an empty value) means "no fault": a broken switch must never
// take the application down by itself.
function parseFaultMode(value) {
	const mode = String(value ?? '')
		.trim()
		.toLowerCase();
	return FAULT_MODES.includes(mode) ? mode : 'none';
}

// Reads the parameter at most once per ttlMs in a warm container: a flip takes effect within
// seconds, yet steady load does not turn into one SSM call per request (SSM would throttle).
function createFaultSwitch({ readParameter, now = Date.now, ttlMs = 5000 }) {
	let mode = 'none';
	let expiresAt = 0;
	return async function currentFault() {
		if (now() < expiresAt) return mode;
		try {
			mode = parseFaultMode(await readParameter());
		} catch (error) {
			// Keep the last known mode: an SSM hiccup should not switch a running fault off or on.
			console.warn(JSON.stringify({ level: 'warn', msg: 'fault switch unreadable', error: String(error) }));
		}
		expiresAt = now() + ttlMs;
		return mode;
	};
}

// What the current mode does to one request. Latency adds 1.5 to 2.5 s, enough to push p90 over
// a one-second threshold; errors fail about half of the requests, far above any sane error budget.
function faultEffect(mode, random = Math.random) {
	if (mode === 'latency') return { delayMs: 1500 + Math.floor(random() * 1000), fail: false };
	if (mode === 'errors') return { delayMs: 0, fail: random() < 0.5 };
	return { delayMs: 0, fail: false };
}

module.exports = { FAULT_MODES, parseFaultMode, createFaultSwitch, faultEffect };
