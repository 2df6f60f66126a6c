/**
 * Which Chromium the browser tests launch, on machines described by a set of existing files: Debian's
 * package, CHROMIUM_PATH, and browsers `npx playwright-core install` downloaded on Linux, macOS and
 * Windows (today's layout and the one before it), and what the failure says when there is none.
 */
import { posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ChromiumLookupHost, findChromium, playwrightBrowsersDir } from '../e2e/support/find-chromium.ts';

/** A machine whose only files are `files`; folders are derived from them. */
function machine(
	files: string[],
	overrides: Partial<Omit<ChromiumLookupHost, 'exists' | 'list'>> = {},
): ChromiumLookupHost {
	const platform = overrides.platform ?? 'linux';
	const path = platform === 'win32' ? win32 : posix;
	return {
		env: {},
		platform,
		homeDir: platform === 'win32' ? 'C:\\Users\\ada' : platform === 'darwin' ? '/Users/ada' : '/home/ada',
		cwd: platform === 'win32' ? 'C:\\work\\course' : '/work/course',
		...overrides,
		exists: (file) => files.includes(file),
		list: (dir) => {
			const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
			const names = files.filter((file) => file.startsWith(prefix)).map((file) => file.slice(prefix.length));
			return [...new Set(names.map((name) => name.split(path.sep)[0] as string))];
		},
	};
}

const linuxCache = '/home/ada/.cache/ms-playwright';

describe('findChromium', () => {
	it("uses Debian's /usr/bin/chromium when there is one", () => {
		const lookup = findChromium(machine(['/usr/bin/chromium', `${linuxCache}/chromium-1255/chrome-linux64/chrome`]));
		expect(lookup).toEqual({ found: true, path: '/usr/bin/chromium', source: 'Debian package' });
	});

	it('prefers CHROMIUM_PATH, the explicit choice, over every other browser', () => {
		const lookup = findChromium(
			machine(['/usr/bin/chromium', '/opt/chrome/chrome'], { env: { CHROMIUM_PATH: '/opt/chrome/chrome' } }),
		);
		expect(lookup).toEqual({ found: true, path: '/opt/chrome/chrome', source: 'CHROMIUM_PATH' });
	});

	it('reports a CHROMIUM_PATH that does not exist instead of silently launching another browser', () => {
		const lookup = findChromium(machine(['/usr/bin/chromium'], { env: { CHROMIUM_PATH: '/opt/nowhere/chrome' } }));
		expect(lookup.found).toBe(false);
		if (lookup.found) return;
		expect(lookup.message).toMatch(/^CHROMIUM_PATH is set to \/opt\/nowhere\/chrome, which does not exist\./);
		expect(lookup.message).toContain('sudo apt-get install chromium');
	});

	it("falls back to Playwright's newest Chromium in ~/.cache/ms-playwright", () => {
		const lookup = findChromium(
			machine([
				`${linuxCache}/chromium-1200/chrome-linux64/chrome`,
				`${linuxCache}/chromium-1255/chrome-linux64/chrome`,
				`${linuxCache}/chromium-999/chrome-linux64/chrome`,
				`${linuxCache}/ffmpeg-1011/ffmpeg-linux`,
			]),
		);
		expect(lookup).toEqual({
			found: true,
			path: `${linuxCache}/chromium-1255/chrome-linux64/chrome`,
			source: 'Playwright',
		});
	});

	it('finds the layout older Playwright versions used (chrome-linux/chrome) and Linux on ARM', () => {
		expect(findChromium(machine([`${linuxCache}/chromium-1140/chrome-linux/chrome`]))).toMatchObject({
			path: `${linuxCache}/chromium-1140/chrome-linux/chrome`,
		});
		expect(findChromium(machine([`${linuxCache}/chromium-1255/chrome-linux-arm64/chrome`]))).toMatchObject({
			path: `${linuxCache}/chromium-1255/chrome-linux-arm64/chrome`,
		});
	});

	it('takes the headless shell when that is all Playwright installed, old layout or new', () => {
		const shell = `${linuxCache}/chromium_headless_shell-1255/chrome-headless-shell-linux64/chrome-headless-shell`;
		expect(findChromium(machine([shell]))).toEqual({ found: true, path: shell, source: 'Playwright' });
		const oldShell = `${linuxCache}/chromium_headless_shell-1140/chrome-linux/headless_shell`;
		expect(findChromium(machine([oldShell]))).toMatchObject({ path: oldShell });
	});

	it('prefers the full Chromium to the headless shell', () => {
		const full = `${linuxCache}/chromium-1200/chrome-linux64/chrome`;
		const shell = `${linuxCache}/chromium_headless_shell-1255/chrome-headless-shell-linux64/chrome-headless-shell`;
		expect(findChromium(machine([shell, full]))).toMatchObject({ path: full });
	});

	it('ignores a Chromium folder whose executable is missing (an interrupted download)', () => {
		const complete = `${linuxCache}/chromium-1200/chrome-linux64/chrome`;
		const lookup = findChromium(machine([`${linuxCache}/chromium-1255/INSTALLATION_COMPLETE_NOT`, complete]));
		expect(lookup).toMatchObject({ path: complete });
	});

	it('honours XDG_CACHE_HOME and PLAYWRIGHT_BROWSERS_PATH as Playwright does', () => {
		const xdg = '/var/cache/ada/ms-playwright/chromium-1255/chrome-linux64/chrome';
		expect(findChromium(machine([xdg], { env: { XDG_CACHE_HOME: '/var/cache/ada' } }))).toMatchObject({ path: xdg });
		const custom = '/work/course/browsers/chromium-1255/chrome-linux64/chrome';
		expect(findChromium(machine([custom], { env: { PLAYWRIGHT_BROWSERS_PATH: 'browsers' } }))).toMatchObject({
			path: custom,
		});
		expect(
			playwrightBrowsersDir(
				machine([], {
					env: { PLAYWRIGHT_BROWSERS_PATH: '0' },
					playwrightCoreDir: '/work/course/node_modules/playwright-core',
				}),
			),
		).toBe('/work/course/node_modules/playwright-core/.local-browsers');
	});

	it("finds Playwright's Chromium on macOS, Apple silicon and Intel, and the older Chromium.app layout", () => {
		const cache = '/Users/ada/Library/Caches/ms-playwright';
		for (const file of [
			`${cache}/chromium-1255/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing`,
			`${cache}/chromium-1255/chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing`,
			`${cache}/chromium-1140/chrome-mac/Chromium.app/Contents/MacOS/Chromium`,
			`${cache}/chromium_headless_shell-1255/chrome-headless-shell-mac-arm64/chrome-headless-shell`,
		]) {
			expect(findChromium(machine([file], { platform: 'darwin' }))).toEqual({
				found: true,
				path: file,
				source: 'Playwright',
			});
		}
	});

	it("never takes /usr/bin/chromium on macOS, where it is not Debian's package", () => {
		const lookup = findChromium(machine(['/usr/bin/chromium'], { platform: 'darwin' }));
		expect(lookup.found).toBe(false);
	});

	it("finds Playwright's Chromium on Windows under LOCALAPPDATA, or the default AppData\\Local", () => {
		const file = 'D:\\Local\\ms-playwright\\chromium-1255\\chrome-win64\\chrome.exe';
		expect(findChromium(machine([file], { platform: 'win32', env: { LOCALAPPDATA: 'D:\\Local' } }))).toEqual({
			found: true,
			path: file,
			source: 'Playwright',
		});
		const byDefault = 'C:\\Users\\ada\\AppData\\Local\\ms-playwright\\chromium-1140\\chrome-win\\chrome.exe';
		expect(findChromium(machine([byDefault], { platform: 'win32' }))).toMatchObject({ path: byDefault });
		const shell =
			'C:\\Users\\ada\\AppData\\Local\\ms-playwright\\chromium_headless_shell-1255\\chrome-headless-shell-win64\\chrome-headless-shell.exe';
		expect(findChromium(machine([shell], { platform: 'win32' }))).toMatchObject({ path: shell });
	});

	it('says where it looked and how to get a browser on Debian, Ubuntu, macOS and Windows when there is none', () => {
		const lookup = findChromium(machine([]));
		expect(lookup.found).toBe(false);
		if (lookup.found) return;
		expect(lookup.message).toContain(
			`Looked at: CHROMIUM_PATH (not set); /usr/bin/chromium; Playwright's browsers in ${linuxCache}.`,
		);
		expect(lookup.message).toMatch(/Debian: +sudo apt-get install chromium/);
		expect(lookup.message).toMatch(/Ubuntu: +npx playwright-core install --with-deps chromium/);
		expect(lookup.message).toMatch(/macOS: +npx playwright-core install chromium/);
		expect(lookup.message).toMatch(/Windows: +npx playwright-core install chromium/);
		expect(lookup.message).toContain('never skip');
	});
});
