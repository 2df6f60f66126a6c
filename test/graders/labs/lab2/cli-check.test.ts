import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../../graders/cli/io.ts';
import { main } from '../../../../graders/cli/main.ts';
import { createClientProvider } from '../../../../graders/engine/clients.ts';
import { collectedAt, completeLab2Account, mockLab2Account } from './support/lab2-account.ts';
import { lab2FixturePath } from './support/lab2-fixtures.ts';

async function run(argv: string[], io: Partial<CliIo> = {}) {
	let stdout = '';
	let stderr = '';
	const code = await main(argv, {
		stdout: (text) => {
			stdout += text;
		},
		stderr: (text) => {
			stderr += text;
		},
		isTTY: false,
		env: {},
		now: () => collectedAt,
		createClients: (options) =>
			createClientProvider({
				...options,
				credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
				maxAttempts: 2,
			}),
		...io,
	});
	return { code, stdout, stderr };
}

describe('sre-lab check lab2', () => {
	it('collects a complete account, prints eight ✓, exits 0 and saves the same snapshot as the fixture', async () => {
		const mocks = mockLab2Account(completeLab2Account(), { pageSize: 1 });
		const saved = join(await mkdtemp(join(tmpdir(), 'sre-lab2-')), 'snapshot.json');
		try {
			const { code, stdout } = await run([
				'check',
				'lab2',
				'--region',
				'eu-west-1',
				'--since',
				'24h',
				'--save-snapshot',
				saved,
			]);
			expect(stdout.match(/^✓ /gm)).toHaveLength(8);
			expect(code).toBe(0);
		} finally {
			mocks.restore();
		}
		expect(await readFile(saved, 'utf8')).toBe(await readFile(lab2FixturePath('passing'), 'utf8'));
	});

	it('exits 1 with failures and skips for the half-done fixture, and 2 when a read was denied', async () => {
		const failing = await run(['check', 'lab2', '--from-snapshot', lab2FixturePath('failing')]);
		expect(failing.code).toBe(1);
		expect(failing.stdout).toContain('✗ Step 3');
		expect(failing.stdout).toContain('– Step 8');
		const denied = await run(['check', 'lab2', '--from-snapshot', lab2FixturePath('access-denied')]);
		expect(denied.code).toBe(2);
		expect(denied.stdout).toContain('ssm:DescribeInstancePatchStates');
	});
});
