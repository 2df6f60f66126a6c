import { completedPageIds, pageIdFromPathname } from '../../utils/progress-summary.ts';
import { browserProgressStore } from './browser-store.ts';

/**
 * Adds a ✓ after sidebar links to pages the learner has completed (see completedPageIds), with a
 * visually hidden "(done)" so screen readers hear the same information the icon gives.
 */
const MARK_CLASS = 'sre-done-mark';

function renderMarks(): void {
	const done = completedPageIds(browserProgressStore().get());
	const links = document.querySelectorAll<HTMLAnchorElement>('.sidebar-content a[href]');
	for (const link of links) {
		const url = new URL(link.href, window.location.href);
		if (url.origin !== window.location.origin) continue;
		const isDone = done.has(pageIdFromPathname(url.pathname, import.meta.env.BASE_URL));
		const existing = link.querySelector(`.${MARK_CLASS}`);
		if (isDone && !existing) {
			const mark = document.createElement('span');
			mark.className = MARK_CLASS;
			mark.innerHTML = '<span aria-hidden="true">✓</span><span class="sr-only"> (done)</span>';
			link.append(mark);
		} else if (!isDone && existing) {
			existing.remove();
		}
	}
}

browserProgressStore().subscribe(renderMarks);
renderMarks();
