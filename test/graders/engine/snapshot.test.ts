import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSnapshot, parseSnapshot, SnapshotError, saveSnapshot } from '../../../graders/engine/snapshot.ts';
import { fixturePath, loadFixture } from '../support/snapshot-edit.ts';

describe('snapshots', () => {
	it('round-trips through a file unchanged', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'sre-lab-'));
		const file = join(dir, 'snapshot.json');
		const snapshot = loadFixture('passing');
		await saveSnapshot(file, snapshot);
		expect(await loadSnapshot(file)).toEqual(snapshot);
		expect(await readFile(file, 'utf8')).toBe(await readFile(fixturePath('passing'), 'utf8'));
	});

	it('explains what is wrong with a file that is not a snapshot', async () => {
		expect(() => parseSnapshot('{', 'a.json')).toThrow('a.json is not valid JSON');
		expect(() => parseSnapshot('{"format":"other"}', 'b.json')).toThrow('b.json is not an sre-lab snapshot (format');
		await expect(loadSnapshot('/nonexistent/snapshot.json')).rejects.toThrow(SnapshotError);
		const dir = await mkdtemp(join(tmpdir(), 'sre-lab-'));
		await writeFile(join(dir, 'bad.json'), JSON.stringify({ ...loadFixture('passing'), reads: { x: { ok: false } } }));
		await expect(loadSnapshot(join(dir, 'bad.json'))).rejects.toThrow('is not an sre-lab snapshot');
	});
});
