/**
 * The pop quiz in a real browser: answered with the mouse on a module page and with the keyboard only
 * on an end-of-day quiz page; feedback, explanations, the announced score, retry, answers kept across a
 * reload, axe before and after checking, and the size budget of the quiz script.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { launchChromium, newWatchedPage, type PageProblems } from './support/browser.ts';
import { siteUrl } from './support/site.ts';

let browser: Browser;

beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

const quiz = (page: Page, quizId: string) => page.locator(`sre-quiz[data-quiz-id="${quizId}"]`);

/** The quiz is enhanced once its buttons are revealed by the custom element. */
async function waitForQuiz(page: Page, quizId: string): Promise<Locator> {
	const element = quiz(page, quizId);
	await element.locator('[data-actions]:not([hidden])').waitFor();
	return element;
}

interface QuestionKey {
	kind: string;
	/** Positions of the correct options. */
	correct: number[];
	optionCount: number;
}

/** Reads the answer key from the markup, as the element does; keeps the test independent of bank edits. */
async function answerKey(element: Locator): Promise<QuestionKey[]> {
	return element.locator('fieldset[data-question-id]').evaluateAll((fieldsets) =>
		fieldsets.map((fieldset) => {
			const options = [...fieldset.querySelectorAll<HTMLElement>('[data-key]')];
			return {
				kind: (fieldset as HTMLElement).dataset.kind ?? '',
				correct: options.flatMap((option, index) => (option.dataset.correct === 'true' ? [index] : [])),
				optionCount: options.length,
			};
		}),
	);
}

/** A wrong choice for the question: the first incorrect option. */
function wrongChoice(key: QuestionKey): number[] {
	const wrong = [...Array(key.optionCount).keys()].find((index) => !key.correct.includes(index));
	return [wrong ?? 0];
}

describe('module quiz with the mouse', () => {
	let page: Page;
	let problems: PageProblems;

	beforeEach(async () => {
		({ page, problems } = await newWatchedPage(browser));
		await page.goto(siteUrl('/day-1/what-is-sre/'), { waitUntil: 'load' });
	});
	afterEach(async () => {
		expect(problems.messages).toEqual([]);
		await page.close();
	});

	test('ends the module page, checks answers, explains every option, and keeps the result after a reload', async () => {
		const element = await waitForQuiz(page, 'module-01');
		const questions = element.locator('fieldset[data-question-id]');
		const keys = await answerKey(element);
		expect(keys.length).toBeGreaterThanOrEqual(5);
		// Explanations stay hidden until the learner commits to an answer.
		await expect.poll(() => element.locator('.sre-quiz__why').first().isVisible()).toBe(false);
		expect(await axeViolations(page, 'sre-quiz')).toEqual([]);

		// All right except the first question.
		const choices = keys.map((key, index) => (index === 0 ? wrongChoice(key) : key.correct));
		for (const [index, choice] of choices.entries()) {
			for (const position of choice) await questions.nth(index).locator('label').nth(position).click();
		}
		await element.getByRole('button', { name: 'Check answers' }).click();

		const status = element.getByRole('status');
		const percent = Math.round(((keys.length - 1) / keys.length) * 100);
		await expect
			.poll(() => status.textContent())
			.toBe(
				`You scored ${keys.length - 1} out of ${keys.length} (${percent} %). Each option now shows whether it was right, with an explanation.`,
			);
		const scoreText = `Your score: ${keys.length - 1} out of ${keys.length}, ${percent} % (1 attempt). ${percent >= 70 ? 'At or above' : 'Below'} the 70 % quiz average that counts towards completing the course.`;
		expect(await element.locator('[data-score]').textContent()).toBe(scoreText);
		expect(await questions.nth(0).locator('[data-verdict]').textContent()).toMatch(
			/^Not quite\. The correct answer is [A-F]\.$/,
		);
		expect(await questions.nth(1).locator('[data-verdict]').textContent()).toBe('Correct.');
		// Explanations are open where the answer was wrong, and collapsed (one click away) where it was right.
		const openByQuestion = await questions.evaluateAll((sets) =>
			sets.map((set) =>
				[...set.querySelectorAll('details')].map(
					(details) => details.open && (details.querySelector('p')?.getClientRects().length ?? 0) > 0,
				),
			),
		);
		expect(openByQuestion[0]?.every(Boolean)).toBe(true);
		for (const [index, open] of openByQuestion.slice(1).entries())
			expect(open.some(Boolean), `question ${index + 2}`).toBe(false);
		expect(await questions.nth(1).locator('summary').first().isVisible()).toBe(true);
		// By the buttons: one link per question, ✓ or ✗, each leading to its question.
		const summary = element.locator('[data-results] li a');
		expect(await summary.count()).toBe(keys.length);
		expect(await summary.nth(0).textContent()).toMatch(/^\s*✗\s*Question 1\s*: wrong\s*$/);
		expect(await summary.nth(1).textContent()).toMatch(/^\s*✓\s*Question 2\s*: correct\s*$/);
		const firstId = await questions.nth(0).getAttribute('id');
		expect(await summary.nth(0).getAttribute('href')).toBe(`#${firstId}`);
		await summary.nth(0).click();
		expect(new URL(page.url()).hash).toBe(`#${firstId}`);
		expect(await questions.nth(0).evaluate((set) => set.getBoundingClientRect().top >= -1)).toBe(true);
		expect(await questions.nth(0).locator('[data-result="wrong"] [data-mark]').textContent()).toBe(
			'Your answer: wrong',
		);
		expect(await questions.nth(0).locator('[data-result="missed"] [data-mark]').count()).toBe(1);
		expect(await axeViolations(page, 'sre-quiz')).toEqual([]);
		// The right/wrong marks use theme colours; check their contrast in the dark theme too.
		await page.emulateMedia({ colorScheme: 'dark' });
		// Starlight follows the system scheme through a media-query listener, so the switch is async.
		await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		expect(await axeViolations(page, 'sre-quiz')).toEqual([]);
		await page.emulateMedia({ colorScheme: 'light' });

		await page.reload({ waitUntil: 'load' });
		const reloaded = await waitForQuiz(page, 'module-01');
		expect(await reloaded.getAttribute('data-state')).toBe('submitted');
		expect(await reloaded.locator('[data-score]').textContent()).toBe(scoreText);
		for (const [index, choice] of choices.entries()) {
			const checked = await reloaded
				.locator('fieldset[data-question-id]')
				.nth(index)
				.locator('input')
				.evaluateAll((inputs) =>
					inputs.flatMap((input, position) => ((input as HTMLInputElement).checked ? [position] : [])),
				);
			expect(checked, `question ${index + 1}`).toEqual(choice);
		}

		// Retry clears the choices, hides the explanations, and the next check counts as attempt 2.
		await reloaded.getByRole('button', { name: 'Try again' }).click();
		expect(await reloaded.locator('input:checked').count()).toBe(0);
		expect(await reloaded.locator('.sre-quiz__why').first().isVisible()).toBe(false);
		for (const [index, key] of keys.entries()) {
			for (const position of key.correct)
				await reloaded.locator('fieldset[data-question-id]').nth(index).locator('label').nth(position).click();
		}
		await reloaded.getByRole('button', { name: 'Check answers' }).click();
		await expect
			.poll(() => reloaded.locator('[data-score]').textContent())
			.toBe(
				`Your score: ${keys.length} out of ${keys.length}, 100 % (2 attempts). At or above the 70 % quiz average that counts towards completing the course.`,
			);
	}, 120_000);

	test('asks for the missing answers instead of scoring a half-finished quiz', async () => {
		const element = await waitForQuiz(page, 'module-01');
		await element.locator('fieldset[data-question-id]').first().locator('label').first().click();
		await element.getByRole('button', { name: 'Check answers' }).click();
		await expect
			.poll(() => element.getByRole('status').textContent())
			.toMatch(/^Please answer every question before checking: questions 2, 3/);
		expect(await element.getAttribute('data-state')).toBeNull();
		// Focus goes to the first unanswered question so a keyboard user can continue there.
		expect(
			await page.evaluate(
				() => document.activeElement?.closest('fieldset')?.querySelector('.sre-quiz__number')?.textContent,
			),
		).toMatch(/^Question 2 of/);
	});
});

describe('end-of-day quiz with the keyboard only', () => {
	let page: Page;
	let problems: PageProblems;

	beforeEach(async () => {
		({ page, problems } = await newWatchedPage(browser));
		await page.goto(siteUrl('/quizzes/day-2/'), { waitUntil: 'load' });
	});
	afterEach(async () => {
		expect(problems.messages).toEqual([]);
		await page.close();
	});

	/** The focused option's question id and position within it (-1 when focus is not on an option). */
	const focusedOption = (): Promise<{ question: string | undefined; position: number }> =>
		page.evaluate(() => {
			const active = document.activeElement;
			const fieldset = active?.closest('fieldset');
			const inputs = fieldset ? [...fieldset.querySelectorAll('input')] : [];
			return { question: fieldset?.dataset.questionId, position: inputs.indexOf(active as HTMLInputElement) };
		});

	test('Tab moves between questions, arrows within one, Space and Enter answer and check', async () => {
		const element = await waitForQuiz(page, 'day-2');
		const keys = await answerKey(element);
		const ids = await element
			.locator('fieldset[data-question-id]')
			.evaluateAll((sets) => sets.map((set) => (set as HTMLElement).dataset.questionId));
		expect(keys.length).toBe(8);
		expect(keys.some((key) => key.kind === 'multiple')).toBe(true);

		// Tab from the top of the page into the first question.
		let presses = 0;
		while ((await focusedOption()).question !== ids[0]) {
			await page.keyboard.press('Tab');
			if (++presses > 400) throw new Error('the first question is not reachable with Tab');
		}

		for (const [index, key] of keys.entries()) {
			expect(await focusedOption(), `entering question ${index + 1}`).toEqual({ question: ids[index], position: 0 });
			// Answer the last question wrongly on purpose; everything else right.
			const wanted = index === keys.length - 1 ? wrongChoice(key) : key.correct;
			if (key.kind === 'single') {
				const target = wanted[0] ?? 0;
				// On a radio group, the arrow keys move and select; Space selects the focused first option.
				if (target === 0) await page.keyboard.press('Space');
				for (let step = 0; step < target; step++) await page.keyboard.press('ArrowDown');
			} else {
				for (let position = 0; position < key.optionCount; position++) {
					expect((await focusedOption()).position).toBe(position);
					if (wanted.includes(position)) await page.keyboard.press('Space');
					if (position < key.optionCount - 1) await page.keyboard.press('ArrowDown');
				}
				// Arrow keys wrap around within the question, like a radio group.
				await page.keyboard.press('ArrowDown');
				expect((await focusedOption()).position).toBe(0);
				await page.keyboard.press('ArrowUp');
			}
			await page.keyboard.press('Tab');
		}

		expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Check answers');
		await page.keyboard.press('Enter');
		await expect
			.poll(() => element.getByRole('status').textContent())
			.toBe('You scored 7 out of 8 (88 %). Each option now shows whether it was right, with an explanation.');
		expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Try again');

		// Tab reaches the per-question summary by the buttons; Enter on the ✗ link jumps to that question.
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim())).toBe(
			'✓Question 1: correct',
		);
		for (let step = 1; step < keys.length; step++) await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim())).toBe(
			`✗Question ${keys.length}: wrong`,
		);
		await page.keyboard.press('Enter');
		expect(new URL(page.url()).hash).toBe(`#day-2-${ids.at(-1)}`);
		await element.getByRole('button', { name: 'Try again' }).focus();

		// After checking, Shift+Tab walks back through the (now open) explanations.
		await page.keyboard.press('Shift+Tab');
		expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
		expect(await axeViolations(page, 'sre-quiz')).toEqual([]);

		// Space on "Try again" starts over with focus back on the first question.
		await page.keyboard.press('Tab');
		await page.keyboard.press('Space');
		expect(await focusedOption()).toEqual({ question: ids[0], position: 0 });
		expect(await element.locator('input:checked').count()).toBe(0);
	}, 120_000);

	test('the questions stay readable without JavaScript', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const noJs = await context.newPage();
		await noJs.goto(siteUrl('/quizzes/day-2/'), { waitUntil: 'load' });
		const element = quiz(noJs, 'day-2');
		expect(await element.locator('legend').first().isVisible()).toBe(true);
		expect(await element.locator('fieldset label').first().isVisible()).toBe(true);
		// Buttons that would do nothing stay hidden; explanations are there on demand.
		expect(await element.locator('[data-actions]').isVisible()).toBe(false);
		expect(await element.locator('.sre-quiz__why summary').first().isVisible()).toBe(true);
		await context.close();
	});
});

describe('quiz placement, headings and search', () => {
	let page: Page;
	let problems: PageProblems;

	beforeEach(async () => {
		({ page, problems } = await newWatchedPage(browser));
	});
	afterEach(async () => {
		expect(problems.messages).toEqual([]);
		await page.close();
	});

	test('a module quiz is in "On this page", before "I have read this module", with an accent-coloured link', async () => {
		await page.goto(siteUrl('/day-1/what-is-sre/'), { waitUntil: 'load' });
		const element = await waitForQuiz(page, 'module-01');
		const tocLink = page.locator('starlight-toc a[href="#module-01-quiz-heading"]').first();
		expect(await tocLink.textContent()).toMatch(/^\s*Pop quiz: /);
		expect(await page.locator('#module-01-quiz-heading').textContent()).toBe((await tocLink.textContent())?.trim());
		// The read mark comes after the quiz.
		const quizBeforeToggle = await page.evaluate(() => {
			const quizElement = document.querySelector('sre-quiz');
			const toggle = document.querySelector('sre-progress-toggle');
			return Boolean(
				quizElement && toggle && quizElement.compareDocumentPosition(toggle) & Node.DOCUMENT_POSITION_FOLLOWING,
			);
		});
		expect(quizBeforeToggle).toBe(true);
		// "…every option. Your answers…": the sentences are spaced.
		expect((await element.locator('.sre-quiz__intro').textContent())?.replace(/\s+/g, ' ')).toContain(
			'for every option. Your answers are kept',
		);
		// Links in the quiz use the site's accent colour, in both themes.
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
			const colours = await element.locator('.sre-quiz__intro a').evaluate((link) => {
				const probe = document.createElement('span');
				probe.style.color = 'var(--sl-color-text-accent)';
				link.parentElement?.append(probe);
				const expected = getComputedStyle(probe).color;
				probe.remove();
				return { actual: getComputedStyle(link).color, expected };
			});
			expect(colours.actual, scheme).toBe(colours.expected);
		}
	});

	test('an end-of-day quiz page has one heading and one introduction', async () => {
		await page.goto(siteUrl('/quizzes/day-1/'), { waitUntil: 'load' });
		await waitForQuiz(page, 'day-1');
		expect(await page.locator('main h1').count()).toBe(1);
		expect(await page.locator('main h2', { hasText: /quiz/i }).count()).toBe(0);
		expect(await page.locator('sre-quiz .sre-quiz__intro').count()).toBe(0);
		// Its module groups are the page's h2s, so the outline has no gap under the title.
		expect(await page.locator('sre-quiz h2').count()).toBeGreaterThanOrEqual(5);
		expect(await page.locator('sre-quiz h3').count()).toBe(0);
		expect(await axeViolations(page)).toEqual([]);
	});

	test('explanations are left out of the search index', () => {
		const html = readFileSync(join(inject('distDir'), 'day-1', 'what-is-sre', 'index.html'), 'utf8');
		const explanations = html.match(/<details[^>]*class="sre-quiz__why[^"]*"[^>]*>/g) ?? [];
		expect(explanations.length).toBeGreaterThan(10);
		for (const tag of explanations) expect(tag).toContain('data-pagefind-ignore');
	});
});

describe('quiz script size', () => {
	test('the <sre-quiz> script and the modules it imports weigh at most 8 KB gzip', () => {
		const assets = join(inject('distDir'), '_astro');
		const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
		const entry = scripts.find((name) =>
			/customElements\.define\(\s*["'`]sre-quiz["'`]/.test(readFileSync(join(assets, name), 'utf8')),
		);
		expect(entry, 'a built script that defines sre-quiz').toBeDefined();
		// Follow static imports (`from"./chunk.js"`) so shared chunks count too.
		const seen = new Set<string>();
		const visit = (name: string): void => {
			if (seen.has(name)) return;
			seen.add(name);
			const source = readFileSync(join(assets, name), 'utf8');
			for (const match of source.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) visit(match[1] as string);
		};
		visit(entry as string);
		const gzipBytes = [...seen].reduce(
			(sum, name) => sum + gzipSync(readFileSync(join(assets, name)), { level: 9 }).length,
			0,
		);
		console.info(`quiz script: ${[...seen].join(' + ')} = ${gzipBytes} bytes gzip`);
		expect(gzipBytes).toBeLessThanOrEqual(8 * 1024);
	});
});
