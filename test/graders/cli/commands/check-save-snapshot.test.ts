import { readFile, stat, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../../../graders/cli/commands/check.ts';
import { saveSnapshot } from '../../../../graders/engine/snapshot.ts';
import { redactedValue } from '../../../../graders/gradebook/redact-secrets.ts';
import { fakeCliContext, scratchDirectory } from '../../support/cli-context.ts';
import { editRead, loadFixture } from '../../support/snapshot-edit.ts';

type Instance = { instanceId: string; tags: Record<string, string> };

let scratch: ReturnType<typeof scratchDirectory>;
beforeEach(() => {
	scratch = scratchDirectory();
});
afterEach(() => scratch.remove());

describe('check --save-snapshot', () => {
	it('saves the snapshot redacted like stored evidence, readable by its owner only, and grades the same', async () => {
		// A learner's instance carries a database password in a tag.
		const withSecret = editRead<Instance[]>(loadFixture('passing'), 'ec2.instances', (instances) =>
			instances.map((instance) => ({ ...instance, tags: { ...instance.tags, DB_PASS: 'tag-hunter2' } })),
		);
		const input = scratch.path('input.json');
		await saveSnapshot(input, withSecret);
		const saved = scratch.file('saved.json', 'an older file that anyone could read');

		const first = fakeCliContext();
		await runCheck('lab1', { fromSnapshot: input, saveSnapshot: saved }, first.context);
		expect(first.exitCode()).toBe(0);

		const text = await readFile(saved, 'utf8');
		expect(text).not.toContain('tag-hunter2');
		expect(text).toContain(`"DB_PASS": "${redactedValue}"`);
		expect((await stat(saved)).mode & 0o777).toBe(0o600);

		// The redacted file grades exactly as the original did.
		const again = fakeCliContext();
		await runCheck('lab1', { fromSnapshot: saved, json: true }, again.context);
		const original = fakeCliContext();
		await runCheck('lab1', { fromSnapshot: input, json: true }, original.context);
		expect(JSON.parse(again.stdout()).checks).toEqual(JSON.parse(original.stdout()).checks);
	});

	it('narrows an existing file to 0600 before writing into it', async () => {
		const file = scratch.file('existing.json', '{}');
		await writeFile(file, '{}', { mode: 0o644 });
		await saveSnapshot(file, loadFixture('failing'));
		expect((await stat(file)).mode & 0o777).toBe(0o600);
	});
});
