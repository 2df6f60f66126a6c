import type { LabResultDocument } from '../../schemas/lab-result.ts';
import type { StoredProgress } from '../../schemas/progress.ts';
import { browserProgressStore } from '../progress/browser-store.ts';

/**
 * <sre-lab-results data-lab="lab1">: the learner gives the lab page the JSON `sre-lab check --json`
 * wrote (a file or a paste). The page shows each check's status and message beside that check, and
 * records the score and time in the progress store as the grader's verdict, distinct from the learner's
 * own "I have completed this lab" mark. The reader (and zod with it) loads only when a result is given.
 * Every string from the file is set with textContent: the grader's messages are data, never markup.
 */

const statusWords = { pass: '✓ Passed', fail: '✗ Not yet', error: '! Could not be graded', skipped: '– Skipped' };
const outcomeWords = {
	pass: 'every check passes',
	fail: 'some checks have not passed yet',
	error: 'some checks could not be graded (never counted against you)',
};
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

function paragraph(text: string): HTMLParagraphElement {
	const element = document.createElement('p');
	element.textContent = text;
	return element;
}

class SreLabResults extends HTMLElement {
	#lab = '';
	#error: HTMLElement | null = null;
	#summary: HTMLElement | null = null;

	connectedCallback(): void {
		if (this.#lab) return;
		this.#lab = this.dataset.lab ?? '';
		this.#error = this.querySelector('[data-error]');
		this.#summary = this.querySelector('[data-summary]');
		const file = this.querySelector<HTMLInputElement>('[data-file]');
		file?.addEventListener('change', async () => {
			const chosen = file.files?.[0];
			if (chosen) await this.#show(await chosen.text(), chosen.name);
		});
		const form = this.querySelector<HTMLFormElement>('[data-paste-form]');
		const paste = this.querySelector<HTMLTextAreaElement>('[data-paste]');
		form?.addEventListener('submit', async (event) => {
			event.preventDefault();
			await this.#show(paste?.value ?? '', 'The pasted text');
		});
		this.#showRecorded(browserProgressStore().get());
		this.hidden = false;
	}

	#checkIds(): string[] {
		return [...document.querySelectorAll<HTMLElement>('[data-check-id]')].map((item) => item.dataset.checkId ?? '');
	}

	async #show(text: string, source: string): Promise<void> {
		const { readLabResult } = await import('../../utils/lab-result-read.ts');
		const read = readLabResult(text, this.#lab, this.#checkIds());
		if (this.#error) this.#error.textContent = '';
		if (!read.ok) {
			// role="alert": the learner hears at once why nothing changed.
			if (this.#error) this.#error.textContent = `${source} was not used. ${read.reason}`;
			return;
		}
		const { result } = read;
		this.#markChecks(result);
		browserProgressStore().recordLabGrade(this.#lab, {
			score: result.score,
			maxScore: result.maxScore,
			outcome: result.outcome,
			gradedAt: result.gradedAt,
		});
		const lines = [
			`Grader result: ${result.score} of ${result.maxScore} points, ${outcomeWords[result.outcome]}.`,
			`Graded ${dateTime.format(new Date(result.gradedAt))} UTC, account ${result.accountId ?? 'unknown'}, Region ${result.region}. Each check above shows its result.`,
		];
		if (read.unknownCheckIds.length > 0)
			lines.push(
				`This page does not list ${read.unknownCheckIds.join(', ')}: the grader that wrote the file is another version than this page's.`,
			);
		this.#fillSummary(lines);
	}

	#markChecks(result: LabResultDocument): void {
		const byId = new Map(result.checks.map((check) => [check.id, check]));
		for (const item of document.querySelectorAll<HTMLElement>('[data-check-id]')) {
			const line = item.querySelector<HTMLElement>('[data-result]');
			if (!line) continue;
			const check = byId.get(item.dataset.checkId ?? '');
			line.replaceChildren();
			if (!check) {
				line.hidden = true;
				continue;
			}
			const status = document.createElement('span');
			status.className = 'sre-lab-checks__status';
			status.textContent = `${statusWords[check.status]} (${check.earned}/${check.points}): `;
			line.append(status, document.createTextNode(check.message));
			line.dataset.status = check.status;
			line.hidden = false;
		}
	}

	/** After a reload the per-check messages are gone (only the score is kept), so say what is recorded. */
	#showRecorded(progress: StoredProgress): void {
		const grader = progress.labs[this.#lab]?.grader;
		if (!grader) return;
		this.#fillSummary([
			`Your last grader result recorded in this browser: ${grader.score} of ${grader.maxScore} points, ${outcomeWords[grader.outcome]} (graded ${dateTime.format(new Date(grader.gradedAt))} UTC). Give the page a new result to see each check.`,
		]);
	}

	#fillSummary(lines: string[]): void {
		if (!this.#summary) return;
		const link = document.createElement('a');
		link.href = this.dataset.progressHref ?? '';
		link.textContent = 'My progress';
		const recorded = document.createElement('p');
		recorded.append('Recorded on ', link, ' as checked by the grader.');
		this.#summary.replaceChildren(...lines.map(paragraph), recorded);
	}
}

if (!customElements.get('sre-lab-results')) customElements.define('sre-lab-results', SreLabResults);
