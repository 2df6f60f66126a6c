import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../graders/cli/main.ts';
import { openGradebook } from '../../../graders/gradebook/open-gradebook.ts';
import { scratchDirectory } from '../support/cli-context.ts';

let scratch: ReturnType<typeof scratchDirectory>;
afterEach(() => scratch?.remove());

async function run(argv: string[], env: Record<string, string> = {}) {
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
		env,
		createClients: () => {
			throw new Error('no AWS client in these tests');
		},
	});
	return { code, stdout, stderr };
}

function roster(): string {
	scratch = scratchDirectory();
	return scratch.file('cohort.csv', 'learner_id,name,email,account_id\nana,Ana,ana@example.org,111111111111\n');
}

describe('grade: --region, --external-id and --endpoint-url get the roster columns’ checks', () => {
	it.each([
		[
			['--region', 'eu-west', '--external-id', 'x-course'],
			'--region "eu-west": region is not an AWS region name such as eu-west-1',
		],
		[
			['--region', 'eu-west-1', '--external-id', 'x'],
			'--external-id: external_id must be 2–1224 characters of letters, digits and +=,.@:/-_',
		],
		[['--region', 'eu-west-1', '--external-id', 'has space'], '--external-id: external_id must be 2–1224 characters'],
		[
			['--region', 'eu-west-1', '--external-id', 'x-course', '--endpoint-url', 'localhost:4566'],
			'--endpoint-url "localhost:4566" must start with http:// or https://, not localhost:/',
		],
		[
			['--region', 'eu-west-1', '--external-id', 'x-course', '--endpoint-url', 'not a url'],
			'--endpoint-url "not a url" is not a URL (expected e.g. http://localhost:4566)',
		],
	])('%j is refused before anything is graded (exit 64)', async (flags, message) => {
		const file = roster();
		const result = await run(['grade', 'lab1', '--roster', file, '--gradebook', scratch.path('g.sqlite'), ...flags]);
		expect(result.code).toBe(64);
		expect(result.stderr).toContain(message);
		expect(result.stderr).toContain('nothing was graded');
	});

	it('checks the same values taken from the environment, naming the variable, and never prints the external id', async () => {
		const file = roster();
		const result = await run(['grade', 'lab1', '--roster', file, '--gradebook', scratch.path('g.sqlite')], {
			AWS_REGION: 'Europe',
			SRE_LAB_EXTERNAL_ID: 'secret id!',
		});
		expect(result.code).toBe(64);
		expect(result.stderr).toContain('AWS_REGION "Europe": region is not an AWS region name');
		expect(result.stderr).toContain('SRE_LAB_EXTERNAL_ID: external_id must be');
		expect(result.stderr).not.toContain('secret id!');
	});
});

describe('check and doctor: a mistyped --endpoint-url is a usage error, not a network problem', () => {
	it.each([
		[
			['check', 'lab1'],
			'ftp://localhost:4566',
			'--endpoint-url "ftp://localhost:4566" must start with http:// or https://',
		],
		[['doctor'], 'notaurl', '--endpoint-url "notaurl" is not a URL (expected e.g. http://localhost:4566)'],
	])('%j with %s exits 64 before any client is made', async (command, url, message) => {
		const result = await run([...command, '--region', 'eu-west-1', '--endpoint-url', url]);
		expect(result.code).toBe(64);
		expect(result.stderr).toContain(message);
		expect(result.stdout).toBe('');
	});
});

describe('report: --require-labs and --require-quizzes name things the course has', () => {
	function gradebook(): string {
		scratch = scratchDirectory();
		const path = scratch.path('gradebook.sqlite');
		openGradebook(path).close();
		return path;
	}

	it('refuses an unknown lab (lab9)', async () => {
		const result = await run(['report', '--gradebook', gradebook(), '--require-labs', 'lab1,lab9']);
		expect(result.code).toBe(64);
		expect(result.stderr).toMatch(
			/^sre-lab: --require-labs: lab9 is not among the course's labs \(lab1, lab2, lab3, lab4\)$/m,
		);
		expect(result.stdout).toBe('');
	});

	it('refuses an unknown quiz (day-9)', async () => {
		const result = await run(['report', '--gradebook', gradebook(), '--require-quizzes', 'day-1,day-9']);
		expect(result.code).toBe(64);
		expect(result.stderr).toContain("--require-quizzes: day-9 is not among the course's quizzes (module-01, ");
	});

	it('accepts known ids, all and none', async () => {
		const path = gradebook();
		for (const flags of [
			['--require-labs', 'lab1,lab2', '--require-quizzes', 'module-04,day-1'],
			['--require-labs', 'all', '--require-quizzes', 'none'],
		])
			expect((await run(['report', '--gradebook', path, ...flags])).code).toBe(0);
	});
});
