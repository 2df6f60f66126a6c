import cliProgress from 'cli-progress';
import type { AccountDone } from './account-outcome.ts';

/** Tells the instructor how far a cohort run has got. */
export interface CohortProgress {
	start(total: number): void;
	accountDone(done: AccountDone): void;
	stop(): void;
}

export interface ProgressStream {
	write(text: string): unknown;
	isTTY?: boolean;
	columns?: number;
}

/** One short line per account: `name (account) — lab1 pass 100/100, lab2 fail 40/80`. */
export function describeAccountDone(done: AccountDone): string {
	const who = `${done.target.learnerId} (${done.target.accountId})`;
	const seconds = `${(done.durationMs / 1000).toFixed(1)} s`;
	if (done.outcome.status === 'error')
		return `${who} — error (${done.outcome.error.kind}): ${done.outcome.error.message} [${seconds}]`;
	const labs = done.outcome.results.map(
		(result) => `${result.lab} ${result.outcome} ${result.score}/${result.maxScore}`,
	);
	return `${who} — ${labs.join(', ')} [${seconds}]`;
}

/**
 * Plain lines for logs, CI and pipes: no cursor tricks, one line per finished account, prefixed with
 * the count so the log still tells how far the run got.
 */
export function createLineProgress(stream: ProgressStream): CohortProgress {
	let total = 0;
	let finished = 0;
	return {
		start(count) {
			total = count;
			finished = 0;
			stream.write(`Grading ${count} account${count === 1 ? '' : 's'}…\n`);
		},
		accountDone(done) {
			finished += 1;
			stream.write(`[${String(finished).padStart(String(total).length)}/${total}] ${describeAccountDone(done)}\n`);
		},
		stop() {},
	};
}

/** A progress bar for an interactive terminal; errors are printed above it so they are not missed. */
export function createBarProgress(stream: ProgressStream): CohortProgress {
	// A MultiBar with one bar, because only MultiBar can print lines above the bar while it runs.
	const bars = new cliProgress.MultiBar(
		{
			stream: stream as NodeJS.WritableStream,
			format: 'Grading {bar} {value}/{total} accounts | {errors} errors | {eta_formatted} left',
			hideCursor: true,
			clearOnComplete: false,
			etaBuffer: 20,
		},
		cliProgress.Presets.shades_classic,
	);
	let bar: cliProgress.SingleBar | undefined;
	let errors = 0;
	return {
		start(total) {
			bar = bars.create(total, 0, { errors });
		},
		accountDone(done) {
			if (done.outcome.status === 'error') {
				errors += 1;
				bars.log(`${describeAccountDone(done)}\n`);
			}
			bar?.increment(1, { errors });
			// Redraw now rather than on the next timer tick, so a logged error shows at once.
			bars.update();
		},
		stop() {
			bars.stop();
		},
	};
}

export function createCohortProgress(stream: ProgressStream): CohortProgress {
	return stream.isTTY ? createBarProgress(stream) : createLineProgress(stream);
}
