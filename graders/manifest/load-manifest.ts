import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { bundledManifests } from './bundled-manifests.ts';
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

/**
 * The repository path (`labs/lab1/manifest.yaml`) a manifest location ends with. Inside the learner's bundle a
 * lab's `new URL('../../../labs/lab1/manifest.yaml', import.meta.url)` resolves next to wherever the bundle was
 * downloaded, so only this tail identifies the manifest.
 */
export function manifestKey(location: string): string | undefined {
	return /(?:^|\/)(labs\/[^/]+\/manifest\.yaml)$/.exec(location.replaceAll('\\', '/'))?.[1];
}

/**
 * Synchronous on purpose: the lab registry is built at import time and evaluateLab is synchronous.
 * A manifest compiled into the bundle wins over the file system, which the bundle does not ship.
 */
export function loadManifest(
	file: URL | string,
	bundled: Readonly<Record<string, string>> = bundledManifests,
): LabManifest {
	const location = file instanceof URL ? file.pathname : file;
	const key = manifestKey(location);
	const text = key === undefined ? undefined : bundled[key];
	if (text !== undefined) return parseManifest(text, key as string);
	return parseManifest(readFileSync(file, 'utf8'), location);
}
