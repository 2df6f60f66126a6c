import { posix, win32 } from 'node:path';

/** What the lookup may see of the machine, so that it is a pure function a unit test can drive. */
export interface ChromiumLookupHost {
	env: Readonly<Record<string, string | undefined>>;
	platform: NodeJS.Platform;
	homeDir: string;
	/** Where a relative PLAYWRIGHT_BROWSERS_PATH is resolved from (Playwright uses INIT_CWD, then the cwd). */
	cwd: string;
	/** The installed playwright-core package's folder: PLAYWRIGHT_BROWSERS_PATH=0 keeps browsers inside it. */
	playwrightCoreDir?: string;
	exists(path: string): boolean;
	/** Names in a folder; an empty list when it does not exist. */
	list(dir: string): string[];
}

export type ChromiumLookup =
	| { found: true; path: string; source: 'CHROMIUM_PATH' | 'Debian package' | 'Playwright' }
	| { found: false; message: string };

/** Debian's `chromium` package, what `.ci/run` installs. */
export const debianChromium = '/usr/bin/chromium';

/**
 * Executables inside one Playwright browser folder, relative to it: today's Chrome-for-Testing layout
 * first, then the layout Playwright used before it, for each CPU a platform has.
 */
const playwrightExecutables: Partial<Record<NodeJS.Platform, { full: string[][]; headlessShell: string[][] }>> = {
	linux: {
		full: [
			['chrome-linux64', 'chrome'],
			['chrome-linux-arm64', 'chrome'],
			['chrome-linux', 'chrome'],
		],
		headlessShell: [
			['chrome-headless-shell-linux64', 'chrome-headless-shell'],
			['chrome-headless-shell-linux-arm64', 'chrome-headless-shell'],
			['chrome-linux', 'headless_shell'],
		],
	},
	darwin: {
		full: [
			['chrome-mac-arm64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'],
			['chrome-mac-x64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'],
			['chrome-mac', 'Chromium.app', 'Contents', 'MacOS', 'Chromium'],
		],
		headlessShell: [
			['chrome-headless-shell-mac-arm64', 'chrome-headless-shell'],
			['chrome-headless-shell-mac-x64', 'chrome-headless-shell'],
			['chrome-mac', 'headless_shell'],
		],
	},
	win32: {
		full: [
			['chrome-win64', 'chrome.exe'],
			['chrome-win', 'chrome.exe'],
		],
		headlessShell: [
			['chrome-headless-shell-win64', 'chrome-headless-shell.exe'],
			['chrome-win', 'headless_shell.exe'],
		],
	},
};

/** The folder `npx playwright-core install` downloads browsers to, as Playwright itself computes it. */
export function playwrightBrowsersDir(host: ChromiumLookupHost): string {
	const path = host.platform === 'win32' ? win32 : posix;
	const configured = host.env.PLAYWRIGHT_BROWSERS_PATH;
	if (configured === '0' && host.playwrightCoreDir) return path.join(host.playwrightCoreDir, '.local-browsers');
	if (configured && configured !== '0') return path.resolve(host.env.INIT_CWD || host.cwd, configured);
	if (host.platform === 'darwin') return path.join(host.homeDir, 'Library', 'Caches', 'ms-playwright');
	if (host.platform === 'win32') {
		return path.join(host.env.LOCALAPPDATA || path.join(host.homeDir, 'AppData', 'Local'), 'ms-playwright');
	}
	return path.join(host.env.XDG_CACHE_HOME || path.join(host.homeDir, '.cache'), 'ms-playwright');
}

/** `chromium-1255`, `chromium_headless_shell-1200`, … newest revision first. */
function revisionFolders(names: string[], prefix: string): string[] {
	const revision = (name: string) => Number(name.slice(prefix.length));
	return names
		.filter((name) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)))
		.sort((a, b) => revision(b) - revision(a));
}

/** Playwright's Chromium executables that exist, full browser before headless shell, newest first. */
function playwrightChromiums(host: ChromiumLookupHost, browsersDir: string): string[] {
	const layouts = playwrightExecutables[host.platform];
	if (!layouts) return [];
	const path = host.platform === 'win32' ? win32 : posix;
	const names = host.list(browsersDir);
	const candidates = [
		...revisionFolders(names, 'chromium-').flatMap((folder) =>
			layouts.full.map((parts) => path.join(browsersDir, folder, ...parts)),
		),
		...revisionFolders(names, 'chromium_headless_shell-').flatMap((folder) =>
			layouts.headlessShell.map((parts) => path.join(browsersDir, folder, ...parts)),
		),
	];
	return candidates.filter((candidate) => host.exists(candidate));
}

/** How to get a browser on each system the course is developed on. */
export const howToGetChromium = [
	'Install one, then run the tests again (they never skip):',
	'  Debian:        sudo apt-get install chromium',
	"  Ubuntu:        npx playwright-core install --with-deps chromium   (Ubuntu's chromium package is a snap)",
	'  macOS:         npx playwright-core install chromium',
	'  Windows:       npx playwright-core install chromium',
	'  or point CHROMIUM_PATH at an installed Chromium or Chrome, e.g.',
	'    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" or',
	'    "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe".',
].join('\n');

/**
 * The Chromium the browser tests launch. CHROMIUM_PATH, when set, is the learner's explicit choice and
 * is used or reported missing, never silently replaced; otherwise Debian's package, then a browser that
 * `npx playwright-core install chromium` downloaded. The failure says where it looked and how to get one.
 */
export function findChromium(host: ChromiumLookupHost): ChromiumLookup {
	const configured = host.env.CHROMIUM_PATH;
	if (configured) {
		if (host.exists(configured)) return { found: true, path: configured, source: 'CHROMIUM_PATH' };
		return {
			found: false,
			message: `CHROMIUM_PATH is set to ${configured}, which does not exist. Point it at a Chromium or Chrome executable, or unset it to use ${debianChromium} or a Playwright-installed Chromium.\n${howToGetChromium}`,
		};
	}
	if (host.platform === 'linux' && host.exists(debianChromium)) {
		return { found: true, path: debianChromium, source: 'Debian package' };
	}
	const browsersDir = playwrightBrowsersDir(host);
	const [playwright] = playwrightChromiums(host, browsersDir);
	if (playwright) return { found: true, path: playwright, source: 'Playwright' };
	const looked = [
		'CHROMIUM_PATH (not set)',
		...(host.platform === 'linux' ? [debianChromium] : []),
		`Playwright's browsers in ${browsersDir}`,
	];
	return {
		found: false,
		message: `No Chromium for the browser tests. Looked at: ${looked.join('; ')}.\n${howToGetChromium}`,
	};
}
