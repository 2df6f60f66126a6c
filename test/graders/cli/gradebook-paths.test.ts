import { existsSync, mkdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../graders/cli/main.ts';
import { scratchDirectory } from '../support/cli-context.ts';

let scratch: ReturnType<typeof scratchDirectory>;
afterEach(() => scratch?.remove());

async function run(argv: string[]) {
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
		createClients: () => {
			throw new Error('no AWS client in these tests');
		},
	});
	return { code, stdout, stderr };
}

describe('report and regrade with a gradebook path that has none', () => {
	it('report refuses a mistyped path (exit 64, naming it) and creates nothing', async () => {
		scratch = scratchDirectory();
		const mistyped = scratch.path('gradbook.sqlite');
		const result = await run(['report', '--gradebook', mistyped]);
		expect(result.code).toBe(64);
		expect(result.stdout).toBe('');
		expect(result.stderr).toContain(
			`sre-lab: cannot open the gradebook ${mistyped}: there is no gradebook at this path`,
		);
		expect(existsSync(mistyped)).toBe(false);
	});

	it('regrade refuses a path whose folder does not exist, and creates neither', async () => {
		scratch = scratchDirectory();
		const mistyped = scratch.path('.sre-labb/gradebook.sqlite');
		const result = await run(['regrade', '--run', '1', '--gradebook', mistyped]);
		expect(result.code).toBe(64);
		expect(result.stderr).toContain(`cannot open the gradebook ${mistyped}: its folder`);
		expect(existsSync(scratch.path('.sre-labb'))).toBe(false);
	});

	it('the default path from SRE_LAB_GRADEBOOK is checked the same way', async () => {
		scratch = scratchDirectory();
		const mistyped = scratch.path('missing.sqlite');
		let stderr = '';
		const code = await main(['report'], {
			stdout: () => {},
			stderr: (text) => {
				stderr += text;
			},
			isTTY: false,
			env: { SRE_LAB_GRADEBOOK: mistyped },
		});
		expect(code).toBe(64);
		expect(stderr).toContain(mistyped);
	});
});

describe('a gradebook path that is the user’s mistake: exit 64 naming the file', () => {
	it('a folder, for report and for import-progress', async () => {
		scratch = scratchDirectory();
		const folder = scratch.path('gradebooks');
		mkdirSync(folder);
		for (const argv of [
			['report', '--gradebook', folder],
			['import-progress', '--gradebook', folder, scratch.file('ana.json', '{}')],
		]) {
			const result = await run(argv);
			expect(result.code).toBe(64);
			expect(result.stderr).toContain(`cannot open the gradebook ${folder}: it is a folder`);
		}
	});

	it('a typed path whose folder does not exist: the typo’d folder is not created', async () => {
		scratch = scratchDirectory();
		const roster = scratch.file(
			'cohort.csv',
			'learner_id,name,email,account_id\nana,Ana,ana@example.org,111111111111\n',
		);
		const typo = scratch.path('gradbooks/spring.sqlite');
		const result = await run(['import-progress', '--roster', roster, '--gradebook', typo]);
		expect(result.code).toBe(64);
		expect(result.stderr).toContain(
			`cannot open the gradebook ${typo}: its folder ${scratch.path('gradbooks')} does not exist; check the path, or create the folder first`,
		);
		expect(existsSync(scratch.path('gradbooks'))).toBe(false);
	});

	it('a file that is not a SQLite database', async () => {
		scratch = scratchDirectory();
		const roster = scratch.file(
			'cohort.csv',
			`learner_id,name,email,account_id\n${'ana,Ana,a@example.org,111111111111\n'.repeat(40)}`,
		);
		const result = await run(['report', '--gradebook', roster]);
		expect(result.code).toBe(64);
		expect(result.stderr).toContain(`cannot open the gradebook ${roster}: it is not an sre-lab gradebook`);
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});
});
