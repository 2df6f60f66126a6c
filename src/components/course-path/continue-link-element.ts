import { continueStep, type PathStep } from '../../utils/continue-path.ts';
import { withBase } from '../../utils/with-base.ts';
import { browserProgressStore } from '../progress/browser-store.ts';

/** Shows the learner's next step on the course path, and keeps it current as progress changes. */
class ContinueLink extends HTMLElement {
	private unsubscribe: (() => void) | undefined;

	connectedCallback(): void {
		let steps: PathStep[];
		try {
			steps = JSON.parse(this.dataset.steps ?? '[]') as PathStep[];
		} catch {
			return;
		}
		const store = browserProgressStore();
		const render = () => {
			const step = continueStep(steps, store.get());
			const link = this.querySelector<HTMLAnchorElement>('[data-continue-href]');
			if (!step || !link) {
				this.hidden = true;
				return;
			}
			link.href = withBase(`/${step.slug}/`, this.dataset.base ?? '/');
			link.textContent = step.label;
			this.hidden = false;
		};
		render();
		this.unsubscribe = store.subscribe(render);
	}

	disconnectedCallback(): void {
		this.unsubscribe?.();
	}
}

if (!customElements.get('continue-link')) customElements.define('continue-link', ContinueLink);
