import type { Page } from 'playwright-core';

/** What a page looks like on a narrow screen, measured in the browser. */
export interface PhoneLayout {
	/** The document's width beyond the viewport, in CSS pixels (0 when nothing sticks out). */
	overflowPx: number;
	/** Elements that stick out of the viewport and are not inside a scroll box that contains them. */
	overflowing: string[];
	/** Words split across two lines, e.g. `td "Signal" (S|ignal)`, where the word would have fit whole. */
	brokenWords: string[];
}

/**
 * Runs in the page. A word is a run of letters, digits or `_`; it is broken when its characters lie on
 * more than one line. Breaking between words, after a hyphen or slash, or at a `<wbr>` is normal wrapping.
 * A token (text between spaces) about as wide as the whole block it sits in (within 3 em, for
 * punctuation or an icon glued to it) cannot fit on any line, so in running text the browser may split
 * it; in a table it never may, because course tables scroll sideways instead
 * (src/integrations/table-regions.ts). Code blocks (`pre`) wrap on purpose and
 * visually hidden text is one line by construction, so neither is measured.
 */
function measurePhoneLayout(): PhoneLayout {
	const viewport = document.documentElement.clientWidth;
	const describe = (element: Element) =>
		`${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''}`;

	const overflowing: string[] = [];
	for (const element of document.body.querySelectorAll('*')) {
		const box = element.getBoundingClientRect();
		if (box.width === 0 || box.right <= viewport + 0.5) continue;
		let clipped = false;
		for (
			let ancestor = element.parentElement;
			ancestor && ancestor !== document.body;
			ancestor = ancestor.parentElement
		) {
			const style = getComputedStyle(ancestor);
			if (style.overflowX !== 'visible' && ancestor.getBoundingClientRect().right <= viewport + 0.5) {
				clipped = true;
				break;
			}
		}
		if (!clipped) overflowing.push(`${describe(element)} reaches ${Math.round(box.right)} px`);
	}

	const lines = (range: Range) =>
		new Set(
			[...range.getClientRects()]
				.filter((rect) => rect.width > 0)
				.map((rect) => Math.round(rect.top + rect.height / 2)),
		).size;
	const width = (range: Range) => [...range.getClientRects()].reduce((sum, rect) => sum + rect.width, 0);
	const blockWidth = (element: Element) => {
		let block: Element | null = element;
		while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
		if (!block) return viewport;
		const style = getComputedStyle(block);
		return block.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
	};

	const brokenWords: string[] = [];
	const range = document.createRange();
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
		const parent = node.parentElement;
		if (!parent || parent.closest('pre, script, style, noscript, template, .sr-only')) continue;
		if (!parent.checkVisibility()) continue;
		for (const token of node.data.matchAll(/\S+/g)) {
			const tokenStart = token.index ?? 0;
			for (const word of token[0].matchAll(/[\p{L}\p{N}_]{2,}/gu)) {
				const start = tokenStart + (word.index ?? 0);
				range.setStart(node, start);
				range.setEnd(node, start + word[0].length);
				if (lines(range) < 2) continue;
				range.setStart(node, tokenStart);
				range.setEnd(node, tokenStart + token[0].length);
				// Punctuation in the next node or a heading's anchor icon can glue on, hence some slack.
				const slack = 3 * Number.parseFloat(getComputedStyle(parent).fontSize);
				const inTable = parent.closest('td, th') !== null;
				if (!inTable && width(range) > blockWidth(parent) - slack) continue;
				brokenWords.push(`${describe(parent)} "${word[0]}" in "${token[0]}"`);
			}
		}
	}
	return { overflowPx: Math.max(0, document.documentElement.scrollWidth - viewport), overflowing, brokenWords };
}

/** Measure the page currently open in `page` (see measurePhoneLayout). */
export function phoneLayout(page: Page): Promise<PhoneLayout> {
	return page.evaluate(measurePhoneLayout);
}
