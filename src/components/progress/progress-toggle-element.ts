import { browserProgressStore } from './browser-store.ts';

/** <sre-progress-toggle data-kind="page|lab" data-id="…">: keeps its checkbox and the store in step. */
class SreProgressToggle extends HTMLElement {
	connectedCallback(): void {
		const input = this.querySelector('input');
		const { kind, id } = this.dataset;
		if (!input || !id || (kind !== 'page' && kind !== 'lab')) return;
		const store = browserProgressStore();
		const sync = (): void => {
			const progress = store.get();
			// A lab's box is the learner's own mark; the grader's result is recorded beside it, not in it.
			input.checked = kind === 'page' ? id in progress.pages : progress.labs[id]?.doneAt !== undefined;
		};
		input.addEventListener('change', () => {
			if (kind === 'page') store.markPageRead(id, input.checked);
			else store.setLabDone(id, input.checked);
		});
		store.subscribe(sync);
		sync();
		this.hidden = false;
	}
}

if (!customElements.get('sre-progress-toggle')) customElements.define('sre-progress-toggle', SreProgressToggle);
