/**
 * `sre-lab watch` in real Chromium: the module API runs watch in-process against simulated learner
 * accounts whose state changes between rounds (no AWS), and the browser drives the live dashboard:
 * it updates without a reload, flags a stuck learner, enforces the token when exposed, works from the
 * keyboard and passes axe (WCAG 2.2 AA) in both themes.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { GradeDependencies } from '../../graders/cli/commands/grade.ts';
import { runWatch, type WatchCliOptions } from '../../graders/cli/commands/watch.ts';
import { startDashboard } from '../../graders/watch/dashboard-server.ts';
import { buildLiveView } from '../../graders/watch/live-model.ts';
import { fakeCliContext, scratchDirectory } from '../graders/support/cli-context.ts';
import { simulatedAccounts } from '../graders/support/watch-fixtures.ts';
import { axeViolations } from './support/axe.ts';
import { launchChromium, newWatchedPage } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

interface Running {
	url: string;
	stop(): Promise<number | undefined>;
}

let running: Running | undefined;
let scratch: ReturnType<typeof scratchDirectory> | undefined;
afterEach(async () => {
	await running?.stop();
	running = undefined;
	scratch?.remove();
});

/**
 * Starts watch with rounds every second: Ana gains a check on each grading, Ben passes everything
 * on his second, Cy (whose name is markup) never gets anywhere and is stuck after 3 s.
 */
async function startWatch(overrides: Partial<WatchCliOptions> = {}): Promise<Running> {
	scratch = scratchDirectory();
	const accounts = simulatedAccounts((learnerId, call) =>
		learnerId === 'ana' ? call : learnerId === 'ben' ? (call >= 2 ? 99 : 1) : 0,
	);
	let interrupt: (() => void) | undefined;
	const dependencies: GradeDependencies = {
		createGrader: async () => accounts.grade,
		onInterrupt: (handler) => {
			interrupt = handler;
			return () => {};
		},
		progressStream: ({ io }) => ({ write: (text: string) => io.stderr(text) }),
	};
	const cli = fakeCliContext();
	const options: WatchCliOptions = {
		roster: scratch.file(
			'spring.csv',
			[
				'learner_id,name,email,account_id',
				'ana,Ana Lima,ana@example.org,111111111111',
				'ben,Ben Okafor,ben@example.org,222222222222',
				'cy,Cy <img src=x onerror=alert(1)>,cy@example.org,333333333333',
			].join('\n'),
		),
		roleName: 'SreLabGrader',
		externalId: 'spring-2026',
		region: 'eu-west-1',
		concurrency: '3',
		timeout: '5',
		gradebook: scratch.path('gradebook.sqlite'),
		every: '1s',
		stuckAfter: '3s',
		port: '0',
		host: '127.0.0.1',
		grace: '5s',
		...overrides,
	};
	const finished = runWatch('lab1', options, cli.context, dependencies);
	await expect.poll(() => cli.stdout(), { timeout: 10_000 }).toMatch(/Live dashboard for spring: http/);
	const url = /(http:\/\/\S+)/.exec(cli.stdout())?.[1] as string;
	return {
		url,
		stop: async () => {
			interrupt?.();
			await finished;
			return cli.exitCode();
		},
	};
}

async function openDashboard(url: string): Promise<Page> {
	const { page } = await newWatchedPage(browser);
	await page.goto(url);
	await expect.poll(() => page.locator('#connection').textContent()).toBe('Live');
	return page;
}

const progressOf = (page: Page, learnerId: string) =>
	page.locator(`tr[data-learner="${learnerId}"] td`).first().textContent();

describe('live dashboard', () => {
	test('the grid changes within seconds without a reload, and the stuck flag appears', async () => {
		running = await startWatch();
		const page = await openDashboard(running.url);
		await page.evaluate(() => {
			(window as unknown as { marker: boolean }).marker = true;
		});
		await expect.poll(() => progressOf(page, 'ana'), { timeout: 10_000 }).toMatch(/^[1-9]\d*\//);
		const first = await progressOf(page, 'ana');
		await expect.poll(() => progressOf(page, 'ana'), { timeout: 10_000 }).not.toBe(first);
		await expect.poll(() => progressOf(page, 'ben'), { timeout: 10_000 }).toMatch(/✓ done$/);
		await expect
			.poll(() => page.locator('tr[data-learner="cy"]').textContent(), { timeout: 15_000 })
			.toContain('⚠ stuck');
		expect(await page.locator('#stuck-list').textContent()).toMatch(/1 stuck on lab1 step \d+/);
		// Same document all along: no reload happened.
		expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);
		// The learner's name is shown as text, never run as markup.
		expect(await page.locator('tr[data-learner="cy"] th').textContent()).toBe('Cy <img src=x onerror=alert(1)>');
		expect(await page.locator('img').count()).toBe(0);
		expect(await running.stop()).toBe(0);
		running = undefined;
	});

	test('works from the keyboard: sort by progress, open and close a learner drill-down', async () => {
		running = await startWatch();
		const page = await openDashboard(running.url);
		await expect.poll(() => page.locator('tr[data-learner]').count(), { timeout: 10_000 }).toBe(3);
		await page.getByRole('button', { name: 'Learner', exact: true }).focus();
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		const progressHeader = page.getByRole('columnheader', { name: 'Progress', exact: true });
		expect(await progressHeader.getAttribute('aria-sort')).toBe('ascending');
		await page.keyboard.press('Enter');
		expect(await progressHeader.getAttribute('aria-sort')).toBe('descending');
		await page.getByRole('button', { name: 'Since progress', exact: true }).press('Enter');
		expect(
			await page.getByRole('columnheader', { name: 'Since progress', exact: true }).getAttribute('aria-sort'),
		).toBe('ascending');

		await page.getByRole('button', { name: 'Ana Lima' }).focus();
		// A round's update redraws the grid; focus stays on the learner.
		const rounds = await page.locator('#rounds').textContent();
		await expect.poll(() => page.locator('#rounds').textContent(), { timeout: 10_000 }).not.toBe(rounds);
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ana Lima');
		await page.keyboard.press('Enter');
		const dialog = page.getByRole('dialog', { name: 'Ana Lima' });
		await expect.poll(() => dialog.isVisible()).toBe(true);
		expect(await dialog.textContent()).toContain('Attempts, newest first');
		expect(await dialog.textContent()).toContain('Do step');
		await page.keyboard.press('Escape');
		await expect.poll(() => dialog.isVisible()).toBe(false);
	});

	for (const colorScheme of ['light', 'dark'] as const) {
		test(`has no WCAG 2.2 AA violations (${colorScheme})`, async () => {
			running = await startWatch();
			const page = await openDashboard(running.url);
			await page.emulateMedia({ colorScheme });
			await expect
				.poll(() => page.locator('tr[data-learner="cy"]').textContent(), { timeout: 15_000 })
				.toContain('⚠ stuck');
			expect(await axeViolations(page)).toEqual([]);
			await page.getByRole('button', { name: 'Ben Okafor' }).click();
			await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
			expect(await axeViolations(page)).toEqual([]);
		});
	}

	test('exposed with --host, every request and the event stream need the token', async () => {
		running = await startWatch({ host: '0.0.0.0' });
		expect(running.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
		const url = new URL(running.url.replace('0.0.0.0', '127.0.0.1'));
		const token = url.searchParams.get('token') as string;
		const at = (path: string) => new URL(path, url.origin).href;
		expect((await fetch(at('/'))).status).toBe(401);
		expect((await fetch(at('/events'))).status).toBe(401);
		expect((await fetch(at('/learner?id=ana'))).status).toBe(401);
		expect((await fetch(at(`/?token=${token}x`))).status).toBe(403);
		expect((await fetch(at('/events?token=wrong'))).status).toBe(403);
		const page = await openDashboard(url.href);
		await expect.poll(() => page.locator('tr[data-learner]').count(), { timeout: 10_000 }).toBe(3);
		await page.getByRole('button', { name: 'Ana Lima' }).click();
		await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
	});

	test('says "Reconnecting…" when the stream drops and comes back by itself', async () => {
		const view = buildLiveView(
			{
				cohort: 'spring',
				columns: [{ lab: 'lab1', checkId: 'topic', title: 'A topic exists', step: 1 }],
				learners: [{ learnerId: 'ana', name: 'Ana Lima', email: 'ana@example.org', attempts: [], latest: {} }],
			},
			{ now: new Date(), stuckAfterMs: 60_000 },
		);
		const serve = (port: number) =>
			startDashboard({ host: '127.0.0.1', port, token: null, cohort: 'spring', view: () => view, detail: () => null });
		let dashboard = await serve(0);
		const page = await openDashboard(dashboard.url);
		await dashboard.close();
		await expect.poll(() => page.locator('#connection').textContent(), { timeout: 10_000 }).toBe('Reconnecting…');
		dashboard = await serve(dashboard.port);
		try {
			await expect.poll(() => page.locator('#connection').textContent(), { timeout: 10_000 }).toBe('Live');
			expect(await page.locator('tr[data-learner="ana"]').count()).toBe(1);
		} finally {
			await dashboard.close();
		}
	});
});
