/**
 * Every shell snippet on a lab page must run as written in a fresh CloudShell session: valid bash,
 * no GNU-only or macOS-only flags, no fixed sleeps standing in for IAM propagation, and every value
 * that an earlier step created read back from the lab's settings file (~/sre-lab/labN.env), because
 * CloudShell sessions end after a while without input and take their shell variables with them.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bashBlocks, variablesAssigned, variablesRead } from './shell-blocks.ts';

const labs = ['lab1', 'lab2', 'lab3', 'lab4'] as const;
const pagePath = (lab: string) => `src/content/docs/labs/${lab}.mdx`;

/** Variables the shell or the AWS CLI environment provides, which no step has to save. */
const provided = new Set(['HOME', 'AWS_REGION', 'PATH', 'USER', 'PWD']);

describe.each(labs)('%s shell snippets', (lab) => {
	const source = readFileSync(pagePath(lab), 'utf8');
	const blocks = bashBlocks(source);

	it('has shell snippets to check', () => {
		expect(blocks.length).toBeGreaterThan(3);
	});

	it('every bash block passes bash -n', () => {
		const broken = blocks
			.map((block) => ({ block, result: spawnSync('bash', ['-n'], { input: block.code, encoding: 'utf8' }) }))
			.filter(({ result }) => result.status !== 0)
			.map(({ block, result }) => `${pagePath(lab)}:${block.line}: ${result.stderr.trim()}`);
		expect(broken).toEqual([]);
	});

	it('uses no flags that differ between GNU and BSD tools (sed -i, date -d)', () => {
		const offending = blocks
			.filter((block) => /\bsed\s+-i\b|\bdate\s+-d\b/.test(block.code))
			.map((block) => `${pagePath(lab)}:${block.line}`);
		expect(offending).toEqual([]);
	});

	it('waits for IAM with waiters or retries, never a fixed sleep 10', () => {
		const offending = blocks
			.filter((block) => /(^|\s)sleep 10\s*(#.*)?$/m.test(block.code) && !/\b(for|until|while)\b/.test(block.code))
			.map((block) => `${pagePath(lab)}:${block.line}`);
		expect(offending).toEqual([]);
	});

	it('every block that reads a value saved by an earlier step sources the settings file first', () => {
		const envFile = `~/sre-lab/${lab}.env`;
		const saved = new Set<string>();
		const missing: string[] = [];
		for (const block of blocks) {
			const sources = block.code.includes(`source ${envFile}`);
			const own = variablesAssigned(block.code);
			const needed = [...variablesRead(block.code)].filter(
				(name) => saved.has(name) && !own.has(name) && !provided.has(name),
			);
			if (needed.length > 0 && !sources) missing.push(`${pagePath(lab)}:${block.line} reads ${needed.join(', ')}`);
			// A block saves what it writes into the settings file (a heredoc or `echo NAME=… >> file`).
			if (block.code.includes(envFile)) for (const name of own) saved.add(name);
		}
		expect(saved.size).toBeGreaterThan(0);
		expect(missing).toEqual([]);
	});
});

describe('the snippet reader', () => {
	it('drops a list item indentation so a heredoc closes', () => {
		const blocks = bashBlocks('1. Step:\n\n   ```bash\n   cat > f <<EOF\n   x\n   EOF\n   ```\n');
		expect(blocks.map((block) => block.code)).toEqual(['cat > f <<EOF\nx\nEOF\n']);
		expect(spawnSync('bash', ['-n'], { input: blocks[0]?.code }).status).toBe(0);
	});

	it('sees assignments and reads', () => {
		// biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion, not a JS template
		const code = 'A=1; for ID in x; do echo "$B ${C:-d}"; done';
		expect([...variablesAssigned(code)].sort()).toEqual(['A', 'ID']);
		expect([...variablesRead(code)].sort()).toEqual(['B', 'C']);
	});
});
