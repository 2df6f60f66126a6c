import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` runs in seconds with no build; `e2e` drives the built site in Chromium and
 * expects `dist/` to exist (the README test command builds it first).
 */
export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['test/**/*.test.ts'],
					exclude: ['test/e2e/**', '**/node_modules/**'],
					environment: 'node',
					// Loading the AWS SDK once per worker instead of once per file cuts the suite from minutes
					// to seconds; tests restore any global state they change (env, timers, mocks).
					isolate: false,
				},
			},
			{
				test: {
					name: 'e2e',
					include: ['test/e2e/**/*.e2e.ts'],
					globalSetup: ['test/e2e/support/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 180_000,
					// One Chromium per file is plenty on two cores; files still run in parallel workers.
					maxWorkers: 2,
				},
			},
		],
	},
});
