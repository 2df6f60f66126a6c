/**
 * Error-budget arithmetic for the SLO module's calculator. Pure functions only: the same code renders
 * the server-side defaults and recalculates in the browser, and the unit tests pin the numbers.
 */

const MINUTES_PER_DAY = 24 * 60;

/**
 * Inputs are human decimals with a handful of digits ("99.95", "7.5"), but binary floating point
 * cannot hold most of them exactly, so products pick up noise: 0.1 + 0.2 is 0.30000000000000004.
 * Rounding a result to 12 significant digits removes that noise (which lives around the 16th digit)
 * while keeping far more precision than any input carries.
 */
export function cleanFloat(value: number): number {
	return Number(value.toPrecision(12));
}

function assertValidSlo(sloPercent: number): void {
	if (!Number.isFinite(sloPercent) || sloPercent <= 0 || sloPercent >= 100) {
		throw new RangeError(`SLO must be a number strictly between 0 and 100, got ${sloPercent}`);
	}
}

function assertPositive(name: string, value: number): void {
	if (!Number.isFinite(value) || value <= 0) {
		throw new RangeError(`${name} must be a number greater than 0, got ${value}`);
	}
}

/**
 * The number of decimal places a number is written with: 99.95 → 2, 1e-7 → 7. `String()` gives the
 * shortest text that round-trips, which is what the person typed.
 */
function decimalPlaces(value: number): number {
	const [mantissa = '', exponent = '0'] = String(value).split('e');
	const fraction = mantissa.split('.')[1] ?? '';
	return Math.max(0, fraction.length - Number(exponent));
}

/**
 * The budget `100 − SLO` as an exact ratio of integers. Subtracting in binary loses most digits when
 * the SLO is close to 100 (100 − 99.999 is 0.0010000000000047748); scaling to whole numbers first
 * keeps it exact, so every later division is a single, correctly rounded step.
 */
function budgetPercentRatio(sloPercent: number): { units: number; scale: number } {
	assertValidSlo(sloPercent);
	const scale = 10 ** decimalPlaces(sloPercent);
	return { units: Math.round(100 * scale - sloPercent * scale), scale };
}

/** The share of the window (0–1) that may be bad: 99.9 % → 0.001. */
export function errorBudgetFraction(sloPercent: number): number {
	const { units, scale } = budgetPercentRatio(sloPercent);
	return units / (100 * scale);
}

/** Minutes of full unavailability the SLO tolerates over the window: 99.9 % over 30 days → 43.2. */
export function allowedDowntimeMinutes(sloPercent: number, windowDays: number): number {
	const { units, scale } = budgetPercentRatio(sloPercent);
	assertPositive('Window (days)', windowDays);
	return cleanFloat(cleanFloat(units * windowDays * MINUTES_PER_DAY) / (100 * scale));
}

/**
 * How many requests may fail in the window without breaking the SLO. Rounded down, because a
 * fraction of a request cannot fail and rounding up would allow one failure too many. Done in
 * integers (BigInt, since budget units × requests can pass 2^53), so 2.9999999999999716 can never
 * stand in for 3.
 */
export function failedRequestBudget(sloPercent: number, expectedRequests: number): number {
	const { units, scale } = budgetPercentRatio(sloPercent);
	if (!Number.isSafeInteger(expectedRequests) || expectedRequests < 0) {
		throw new RangeError(`Expected requests must be a whole number of 0 or more, got ${expectedRequests}`);
	}
	return Number((BigInt(units) * BigInt(expectedRequests)) / BigInt(100 * scale));
}

/**
 * The highest burn rate that can exist: every request failing. At 99.9 % that is 1,000; above it the
 * error rate would exceed 100 %.
 */
export function maximumBurnRate(sloPercent: number): number {
	const { units, scale } = budgetPercentRatio(sloPercent);
	return cleanFloat((100 * scale) / units);
}

function assertValidBurnRate(sloPercent: number, burnRate: number): void {
	assertPositive('Burn rate', burnRate);
	const maximum = maximumBurnRate(sloPercent);
	if (burnRate > maximum) {
		throw new RangeError(
			`Burn rate cannot exceed ${maximum} at an SLO of ${sloPercent} % (that is 100 % errors), got ${burnRate}`,
		);
	}
}

/** The error rate (in %) that consumes the budget at the given burn rate: 14.4 × 0.1 % → 1.44 %. */
export function errorRateAtBurnRate(sloPercent: number, burnRate: number): number {
	const { units, scale } = budgetPercentRatio(sloPercent);
	assertValidBurnRate(sloPercent, burnRate);
	return cleanFloat((burnRate * units) / scale);
}

/**
 * Minutes until a full budget is gone if errors keep arriving at this burn rate. A burn rate of 1
 * spends the budget exactly over the window; 14.4 over 30 days empties it in 50 hours.
 */
export function minutesToExhaustion(windowDays: number, burnRate: number): number {
	assertPositive('Window (days)', windowDays);
	assertPositive('Burn rate', burnRate);
	return cleanFloat((windowDays * MINUTES_PER_DAY) / burnRate);
}

/** Percentage of the whole budget spent in `hours` at a burn rate: 14.4 for 1 h of 30 days → 2 %. */
export function budgetSpentPercent(windowDays: number, burnRate: number, hours: number): number {
	assertPositive('Window (days)', windowDays);
	assertPositive('Burn rate', burnRate);
	assertPositive('Hours', hours);
	return cleanFloat((burnRate * hours * 100) / (windowDays * 24));
}

const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** A plain number for people: at most two decimals, thousands separated ("1,440", "20.16"). */
export function formatNumber(value: number): string {
	return numberFormat.format(value);
}

/** Minutes as the calculator headline shows them: "43.2 min", "1,440 min". */
export function formatMinutes(minutes: number): string {
	return `${formatNumber(minutes)} min`;
}

/**
 * A duration broken into the two largest units that matter, so "3000 minutes" reads "2 d 2 h" and
 * 0.432 minutes reads "25.92 s". Smaller units are dropped once days are involved because nobody
 * plans a response around the seconds of a two-day exhaustion.
 */
export function formatDuration(minutes: number): string {
	if (!Number.isFinite(minutes) || minutes < 0) {
		throw new RangeError(`Duration must be a finite number of 0 or more minutes, got ${minutes}`);
	}
	if (minutes < 1) {
		return `${formatNumber(cleanFloat(minutes * 60))} s`;
	}
	const totalSeconds = Math.round(minutes * 60);
	const days = Math.floor(totalSeconds / 86_400);
	const hours = Math.floor((totalSeconds % 86_400) / 3_600);
	const mins = Math.floor((totalSeconds % 3_600) / 60);
	const secs = totalSeconds % 60;
	const parts: Array<[number, string]> = [
		[days, 'd'],
		[hours, 'h'],
		[mins, 'min'],
		[secs, 's'],
	];
	const first = parts.findIndex(([amount]) => amount > 0);
	return parts
		.slice(first, first + 2)
		.filter(([amount]) => amount > 0)
		.map(([amount, unit]) => `${amount} ${unit}`)
		.join(' ');
}

/* ---------------------------------------------------------------------------------------------
 * The calculator form: raw field values in, either per-field errors or ready-to-show text out.
 * Kept here, not in the component, so the server render and the browser share one code path.
 * ------------------------------------------------------------------------------------------- */

export const calculatorFields = ['slo', 'windowDays', 'requests', 'burnRate'] as const;
export type CalculatorField = (typeof calculatorFields)[number];
export type CalculatorInput = Record<CalculatorField, string>;

/** Every value the calculator shows, already formatted, keyed by the `data-result` it fills. */
export interface CalculatorSummary {
	budgetPercent: string;
	downtime: string;
	downtimeBreakdown: string;
	failedRequests: string;
	errorRate: string;
	exhaustion: string;
	spentPerHour: string;
}

export type CalculatorResult =
	| { ok: true; summary: CalculatorSummary }
	| { ok: false; errors: Partial<Record<CalculatorField, string>> };

/** The worked example of the SLO module: 99.9 % over 30 days, a million requests, a fast burn. */
export const defaultCalculatorInput: CalculatorInput = {
	slo: '99.9',
	windowDays: '30',
	requests: '1000000',
	burnRate: '14.4',
};

/** `Number('')` is 0, so blank fields are caught before conversion and get their own message. */
function parseField(raw: string): number | undefined {
	const trimmed = raw.trim();
	if (trimmed === '') return undefined;
	const value = Number(trimmed);
	return Number.isFinite(value) ? value : undefined;
}

/**
 * Bounds of the form, beyond the mathematical ones. SLO windows longer than ten years and burn rates
 * below 0.01 (a budget lasting a hundred windows) answer no real question, and excluding them keeps
 * every displayed duration finite and readable.
 */
export const calculatorLimits = { maxWindowDays: 3650, minBurnRate: 0.01 } as const;

function fieldErrors(values: Record<CalculatorField, number | undefined>): Partial<Record<CalculatorField, string>> {
	const errors: Partial<Record<CalculatorField, string>> = {};
	const { slo, windowDays, requests, burnRate } = values;
	if (slo === undefined || slo <= 0 || slo >= 100) {
		errors.slo = 'Enter an SLO greater than 0 and less than 100, for example 99.9.';
	}
	if (windowDays === undefined || windowDays <= 0 || windowDays > calculatorLimits.maxWindowDays) {
		errors.windowDays = `Enter a window longer than 0 and at most ${formatNumber(calculatorLimits.maxWindowDays)} days, for example 30.`;
	}
	if (requests === undefined || requests < 0 || !Number.isSafeInteger(requests)) {
		errors.requests = 'Enter a whole number of requests, 0 or more (up to about 9 quadrillion).';
	}
	if (burnRate === undefined || burnRate < calculatorLimits.minBurnRate) {
		errors.burnRate = `Enter a burn rate of at least ${calculatorLimits.minBurnRate}, for example 14.4.`;
	} else if (errors.slo === undefined && slo !== undefined && burnRate > maximumBurnRate(slo)) {
		errors.burnRate = `At ${formatNumber(slo)} % the highest possible burn rate is ${formatNumber(maximumBurnRate(slo))} (every request failing).`;
	}
	return errors;
}

/** Validates the four form fields and, when all are usable, formats every result line. */
export function calculateFromForm(raw: CalculatorInput): CalculatorResult {
	const values = {
		slo: parseField(raw.slo),
		windowDays: parseField(raw.windowDays),
		requests: parseField(raw.requests),
		burnRate: parseField(raw.burnRate),
	};
	const errors = fieldErrors(values);
	const { slo, windowDays, requests, burnRate } = values;
	if (
		Object.keys(errors).length > 0 ||
		slo === undefined ||
		windowDays === undefined ||
		requests === undefined ||
		burnRate === undefined
	) {
		return { ok: false, errors };
	}
	const downtime = allowedDowntimeMinutes(slo, windowDays);
	const exhaustion = minutesToExhaustion(windowDays, burnRate);
	return {
		ok: true,
		summary: {
			budgetPercent: `${formatNumber(cleanFloat(errorBudgetFraction(slo) * 100))} %`,
			downtime: formatMinutes(downtime),
			downtimeBreakdown: formatDuration(downtime),
			failedRequests: `${formatNumber(failedRequestBudget(slo, requests))} of ${formatNumber(requests)} requests`,
			errorRate: `${formatNumber(errorRateAtBurnRate(slo, burnRate))} %`,
			exhaustion: `${formatDuration(exhaustion)} (${formatMinutes(exhaustion)})`,
			spentPerHour: `${formatNumber(budgetSpentPercent(windowDays, burnRate, 1))} %`,
		},
	};
}
