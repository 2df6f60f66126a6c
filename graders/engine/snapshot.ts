import { open, readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Snapshot } from './types.ts';

export const ReadErrorSchema = z.object({
	kind: z.enum(['access-denied', 'throttled', 'not-implemented', 'credentials', 'region', 'network', 'other']),
	service: z.string(),
	operation: z.string(),
	action: z.string().optional(),
	message: z.string(),
});

export const ReadOutcomeSchema = z.union([
	z.object({ ok: z.literal(true), data: z.unknown() }),
	z.object({ ok: z.literal(false), error: ReadErrorSchema }),
]);

const isoTimestamp = z.iso.datetime({ offset: true });

/**
 * The snapshot document: the account state the graders saw, as plain JSON. It is saved as evidence,
 * re-graded offline with --from-snapshot, and used as the test fixture format. Each read's data is
 * validated by the check that uses it, not here, so an old snapshot stays loadable.
 */
export const SnapshotSchema = z.object({
	format: z.literal('sre-lab-snapshot'),
	version: z.literal(1),
	accountId: z.string().nullable(),
	region: z.string().min(1),
	collectedAt: isoTimestamp,
	window: z.object({ since: isoTimestamp, until: isoTimestamp }),
	reads: z.record(z.string(), ReadOutcomeSchema),
});

export class SnapshotError extends Error {
	override name = 'SnapshotError';
}

export function parseSnapshot(text: string, source: string): Snapshot {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (error) {
		throw new SnapshotError(`${source} is not valid JSON (${(error as Error).message})`);
	}
	const parsed = SnapshotSchema.safeParse(raw);
	if (!parsed.success) {
		const first = parsed.error.issues[0];
		const where = first?.path.join('.') || '(root)';
		throw new SnapshotError(`${source} is not an sre-lab snapshot (${where}: ${first?.message ?? 'invalid'})`);
	}
	return parsed.data as Snapshot;
}

export async function loadSnapshot(file: string): Promise<Snapshot> {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		throw new SnapshotError(
			`cannot read snapshot ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
		);
	}
	return parseSnapshot(text, file);
}

export function serializeSnapshot(snapshot: Snapshot): string {
	return `${JSON.stringify(snapshot, null, '\t')}\n`;
}

/**
 * Writes a snapshot readable by its owner only (0600): it describes someone's AWS account. The mode is
 * set on the open file before anything is written, so an existing file that others could read is
 * narrowed too (a mode given to open or writeFile only applies to a file it creates).
 */
export async function saveSnapshot(file: string, snapshot: Snapshot): Promise<void> {
	const handle = await open(file, 'w', 0o600);
	try {
		await handle.chmod(0o600);
		await handle.writeFile(serializeSnapshot(snapshot), 'utf8');
	} finally {
		await handle.close();
	}
}
