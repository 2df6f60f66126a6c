import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` runs in seconds with no build; `integration` runs every collector against
 * moto server (an AWS-compatible emulator it starts itself); `e2e` drives the built site in Chromium
 * and expects `dist/` to exist (the README test command builds it first).
 */
export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['test/**/*.test.ts'],
					exclude: ['test/e2e/**', 'test/integration/**', '**/node_modules/**'],
					environment: 'node',
					// Loading the AWS SDK once per worker instead of once per file cuts the suite from minutes
					// to seconds; tests restore any global state they change (env, timers, mocks).
					isolate: false,
				},
			},
			{
				test: {
					name: 'integration',
					include: ['test/integration/**/*.test.ts'],
					environment: 'node',
					// One moto server for every file; each lab seeds its own Region of it.
					globalSetup: ['test/integration/support/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 60_000,
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
