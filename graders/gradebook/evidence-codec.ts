import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { parseSnapshot } from '../engine/snapshot.ts';
import type { Snapshot } from '../engine/types.ts';

export interface EncodedEvidence {
	encoding: 'json+gzip';
	/** Of the JSON text, so identical evidence can be recognised without decompressing it. */
	sha256: string;
	jsonBytes: number;
	blob: Uint8Array;
}

/** Snapshots are repetitive JSON; gzip makes them roughly ten times smaller in the gradebook. */
export function encodeEvidence(snapshot: Snapshot): EncodedEvidence {
	const json = Buffer.from(JSON.stringify(snapshot), 'utf8');
	return {
		encoding: 'json+gzip',
		sha256: createHash('sha256').update(json).digest('hex'),
		jsonBytes: json.byteLength,
		blob: gzipSync(json),
	};
}

export function decodeEvidence(blob: Uint8Array, source: string): Snapshot {
	return parseSnapshot(gunzipSync(blob).toString('utf8'), source);
}
