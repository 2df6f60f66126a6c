import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { type LabManifest, LabManifestSchema } from './manifest-schema.ts';

/** Raised for a manifest that is not valid YAML or breaks the schema; names the file and the field. */
export class ManifestError extends Error {
	override name = 'ManifestError';
}

export function parseManifest(text: string, source: string): LabManifest {
	let raw: unknown;
	try {
		raw = parse(text);
	} catch (error) {
		throw new ManifestError(`${source}: not valid YAML (${(error as Error).message})`);
	}
	const parsed = LabManifestSchema.safeParse(raw);
	if (!parsed.success) {
		const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
		throw new ManifestError(`${source}: ${issues.join('; ')}`);
	}
	return parsed.data;
}

/** Synchronous on purpose: the lab registry is built at import time and evaluateLab is synchronous. */
export function loadManifest(file: URL | string): LabManifest {
	const source = file instanceof URL ? file.pathname : file;
	return parseManifest(readFileSync(file, 'utf8'), source);
}
