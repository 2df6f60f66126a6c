/**
 * One self-contained ES module for plain `node` (20 and newer, as in AWS CloudShell): every dependency
 * inside, tree-shaken and minified, Node's own modules left as imports. Used for the files the course site
 * publishes (the learner's grader, the Lab 3 load generator, the Lab 2 seeding script).
 */
import { createHash } from 'node:crypto';
import { build, type Plugin } from 'esbuild';

/** The oldest Node the published files must run on. */
export const nodeTarget = 'node20';

export interface BundledFile {
	/** File name as published, e.g. `sre-lab-0.1.0.mjs`. */
	fileName: string;
	bytes: Uint8Array;
	/** Hex SHA-256 of `bytes`. */
	sha256: string;
	/** Repository files that went into it, for the bundle's size report. */
	inputs: string[];
}

export interface BundleRequest {
	entry: string;
	fileName: string;
	plugins?: Plugin[];
	/** Module specifiers that must not end up in the bundle (e.g. `node:sqlite`, which Node 20 lacks). */
	forbiddenImports?: readonly string[];
}

// esbuild turns CommonJS `require('node:https')` inside an ES module bundle into a shim that throws
// "Dynamic require … is not supported"; the AWS SDK's CommonJS builds need a real `require`.
const requireBanner =
	"import{createRequire as __sreLabRequire}from'node:module';const require=__sreLabRequire(import.meta.url);";

export function sha256Hex(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/** The `.sha256` file beside a download, in the format `sha256sum -c` reads. */
export function sha256sumLine(file: Pick<BundledFile, 'fileName' | 'sha256'>): string {
	return `${file.sha256}  ${file.fileName}\n`;
}

interface EsbuildMessage {
	text: string;
	location?: { file: string; line: number; column: number } | null;
}

/** esbuild's failures as one line per problem, `file:line:column: message`, instead of its stack trace. */
function describeFailure(entry: string, error: unknown): Error {
	const messages = (error as { errors?: EsbuildMessage[] }).errors;
	if (!Array.isArray(messages)) return error as Error;
	const lines = messages.map(({ text, location }) =>
		location ? `${location.file}:${location.line}:${location.column}: ${text}` : text,
	);
	return new Error(`could not bundle ${entry} for Node (fix the sources, then build again):\n${lines.join('\n')}`);
}

export async function bundleForNode(request: BundleRequest): Promise<BundledFile> {
	const result = await build({
		entryPoints: [request.entry],
		bundle: true,
		write: false,
		outfile: request.fileName,
		platform: 'node',
		format: 'esm',
		target: nodeTarget,
		minify: true,
		treeShaking: true,
		// Prefer packages' ES module builds: they tree-shake, CommonJS builds do not.
		mainFields: ['module', 'main'],
		banner: { js: requireBanner },
		// Licence notices of the bundled packages stay in the file (at its end).
		legalComments: 'eof',
		metafile: true,
		logLevel: 'silent',
		plugins: request.plugins ?? [],
	}).catch((error: unknown) => {
		throw describeFailure(request.entry, error);
	});
	const output = result.outputFiles[0];
	if (output === undefined) throw new Error(`esbuild wrote nothing for ${request.entry}`);
	const imports = Object.values(result.metafile.outputs).flatMap((file) => file.imports.map((entry) => entry.path));
	const forbidden = imports.filter((path) => request.forbiddenImports?.includes(path));
	if (forbidden.length > 0) {
		throw new Error(
			`${request.fileName} would import ${[...new Set(forbidden)].join(', ')}: a module reachable from ${request.entry} needs it. Keep that module out of this entry point's imports.`,
		);
	}
	return {
		fileName: request.fileName,
		bytes: output.contents,
		sha256: sha256Hex(output.contents),
		inputs: Object.keys(result.metafile.inputs),
	};
}
