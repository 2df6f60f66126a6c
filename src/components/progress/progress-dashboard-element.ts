import type { StoredProgress } from '../../schemas/progress.ts';
import { createProgressExport, exportFileName, readProgressExport } from '../../utils/progress-export.ts';
import { mergeProgress } from '../../utils/progress-merge.ts';
import { type CourseStep, dayCompletion, isLabDone } from '../../utils/progress-steps.ts';
import type { ProgressStore } from '../../utils/progress-store.ts';
import { browserProgressStore } from './browser-store.ts';

/**
 * <sre-progress-dashboard>: fills the "My progress" tables and the per-day bars from the store (the
 * next step is the page's "Continue where you left off" link, course-path/ContinueLink), and runs the learner details form, export (download), import (a merge, file) and a
 * two-step reset.
 */

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

function formatDate(iso: string): string {
	return dateFormat.format(new Date(iso));
}

function plural(count: number, noun: string, nounPlural = `${noun}s`): string {
	return `${count} ${count === 1 ? noun : nounPlural}`;
}

class SreProgressDashboard extends HTMLElement {
	#store: ProgressStore | undefined;
	#status: HTMLElement | null = null;
	#steps: CourseStep[] = [];

	connectedCallback(): void {
		if (this.#store) return;
		const store = browserProgressStore();
		this.#store = store;
		this.#status = this.querySelector('[data-status]');
		this.#steps = JSON.parse(this.querySelector('[data-steps]')?.textContent ?? '[]') as CourseStep[];
		for (const control of this.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button, input'))
			control.disabled = false;
		this.#showStorageNote(store);
		this.#wireLabs(store);
		this.#wireLearner(store);
		this.#wireFiles(store);
		this.#wireReset(store);
		store.subscribe((progress) => this.#render(progress));
		this.#render(store.get());
	}

	#render(progress: StoredProgress): void {
		for (const cell of this.querySelectorAll<HTMLElement>('[data-read]')) {
			const read = progress.pages[cell.dataset.read ?? ''];
			cell.textContent = read ? `Read (${formatDate(read.readAt)})` : 'Not yet';
		}
		let quizzesTaken = 0;
		const quizCells = this.querySelectorAll<HTMLElement>('[data-quiz]');
		for (const cell of quizCells) {
			const quiz = progress.quizzes[cell.dataset.quiz ?? ''];
			if (quiz) quizzesTaken += 1;
			cell.textContent = quiz ? `${quiz.score} of ${quiz.maxScore} (${plural(quiz.attempts, 'attempt')})` : 'Not taken';
		}
		const labBoxes = this.querySelectorAll<HTMLInputElement>('input[data-lab]');
		for (const box of labBoxes) box.checked = progress.labs[box.dataset.lab ?? '']?.doneAt !== undefined;
		for (const note of this.querySelectorAll<HTMLElement>('[data-lab-grader]')) {
			const grader = progress.labs[note.dataset.labGrader ?? '']?.grader;
			note.dataset.outcome = grader?.outcome ?? '';
			note.textContent = !grader
				? 'Not checked by the grader yet'
				: `${grader.outcome === 'pass' ? 'Verified by the grader' : 'Grader'}: ${grader.score} of ${grader.maxScore} points${grader.outcome === 'pass' ? '' : grader.outcome === 'error' ? ', some checks could not be graded' : ', not passed yet'} (${formatDate(grader.gradedAt)})`;
		}
		const readCells = this.querySelectorAll<HTMLElement>('[data-read]');
		const readCount = [...readCells].filter((cell) => (cell.dataset.read ?? '') in progress.pages).length;
		const labsDone = [...labBoxes].filter((box) => isLabDone(progress, box.dataset.lab ?? '')).length;
		this.#renderPath(progress);
		const summary = this.querySelector('[data-summary]');
		if (summary) {
			summary.textContent = `You have read ${readCount} of ${readCells.length} modules, taken ${quizzesTaken} of ${quizCells.length} quizzes and completed ${labsDone} of ${labBoxes.length} labs.`;
		}
		const form = this.querySelector<HTMLFormElement>('[data-learner-form]');
		if (form) {
			for (const field of ['id', 'name', 'email'] as const) {
				const input = form.elements.namedItem(field);
				if (input instanceof HTMLInputElement && document.activeElement !== input)
					input.value = progress.learner[field] ?? '';
			}
		}
	}

	#renderPath(progress: StoredProgress): void {
		for (const { day, done, total } of dayCompletion(this.#steps, progress)) {
			const bar = this.querySelector<HTMLProgressElement>(`[data-day-bar="${day}"]`);
			if (bar) bar.value = done;
			const text = this.querySelector(`[data-day-text="${day}"]`);
			if (text) text.textContent = `${done} of ${plural(total, 'step')} done`;
		}
	}

	#showStorageNote(store: ProgressStore): void {
		const note = this.querySelector<HTMLElement>('[data-storage-note]');
		if (!note) return;
		const messages: Partial<Record<typeof store.loadStatus, string>> = {
			repaired: 'Some saved progress in this browser was damaged and has been left out; everything else is shown.',
			discarded: 'The progress saved in this browser could not be read and has been cleared.',
			newer:
				'Your progress was saved by a newer version of this course site. Reload the page to use it; changes made now are not kept.',
		};
		const message =
			messages[store.loadStatus] ??
			(store.persistent
				? undefined
				: 'This browser does not let the site store data, so progress lasts only until you close this tab. Download it before you leave.');
		if (message) {
			note.textContent = message;
			note.hidden = false;
		}
	}

	#wireLabs(store: ProgressStore): void {
		for (const box of this.querySelectorAll<HTMLInputElement>('input[data-lab]')) {
			box.addEventListener('change', () => store.setLabDone(box.dataset.lab ?? '', box.checked));
		}
	}

	#wireLearner(store: ProgressStore): void {
		const form = this.querySelector<HTMLFormElement>('[data-learner-form]');
		form?.addEventListener('submit', (event) => {
			event.preventDefault();
			const value = (name: string) => {
				const input = form.elements.namedItem(name);
				return input instanceof HTMLInputElement ? input.value : '';
			};
			store.setLearner({ id: value('id'), name: value('name'), email: value('email') });
			this.#announce('Your details are saved in this browser and will be included in the export.');
		});
	}

	#wireFiles(store: ProgressStore): void {
		this.querySelector('[data-export]')?.addEventListener('click', () => {
			const now = new Date();
			const progress = store.get();
			const blob = new Blob([`${JSON.stringify(createProgressExport(progress, now), null, 2)}\n`], {
				type: 'application/json',
			});
			const link = document.createElement('a');
			link.href = URL.createObjectURL(blob);
			link.download = exportFileName(progress, now);
			link.click();
			setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
			this.#announce(`Downloaded ${link.download}.`);
		});
		const input = this.querySelector<HTMLInputElement>('[data-import]');
		input?.addEventListener('change', async () => {
			const file = input.files?.[0];
			if (!file) return;
			let parsed: unknown;
			try {
				parsed = JSON.parse(await file.text());
			} catch {
				this.#announce(`${file.name} is not a JSON file. Nothing was imported.`);
				input.value = '';
				return;
			}
			const result = readProgressExport(parsed);
			if (result.ok) {
				// A merge, not a replace: an older file must not wipe out newer work in this browser.
				const { progress, counts } = mergeProgress(store.get(), result.progress);
				store.replace(progress);
				this.#announce(
					`Imported ${file.name}: ${plural(counts.added, 'new entry', 'new entries')}, ${plural(counts.updated, 'entry', 'entries')} updated from the file, ${plural(counts.kept, 'entry', 'entries')} kept because this browser's were newer.`,
				);
			} else {
				this.#announce(`${file.name} was not imported. ${result.reason}`);
			}
			input.value = '';
		});
	}

	#wireReset(store: ProgressStore): void {
		const resetButton = this.querySelector<HTMLButtonElement>('[data-reset]');
		const confirm = this.querySelector<HTMLElement>('[data-reset-confirm]');
		const yes = this.querySelector<HTMLButtonElement>('[data-reset-confirm-yes]');
		const cancel = this.querySelector<HTMLButtonElement>('[data-reset-cancel]');
		if (!resetButton || !confirm || !yes || !cancel) return;
		resetButton.addEventListener('click', () => {
			confirm.hidden = false;
			cancel.focus();
		});
		cancel.addEventListener('click', () => {
			confirm.hidden = true;
			resetButton.focus();
		});
		yes.addEventListener('click', () => {
			store.reset();
			confirm.hidden = true;
			resetButton.focus();
			this.#announce('Your progress in this browser has been erased.');
		});
	}

	#announce(message: string): void {
		const status = this.#status;
		if (!status) return;
		status.textContent = '';
		setTimeout(() => {
			status.textContent = message;
		}, 100);
	}
}

if (!customElements.get('sre-progress-dashboard'))
	customElements.define('sre-progress-dashboard', SreProgressDashboard);
