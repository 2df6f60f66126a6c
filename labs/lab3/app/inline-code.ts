/**
 * Turns a service's CommonJS source (plus the local modules it requires) into the single file that
 * CloudFormation's inline `ZipFile` accepts: CloudFormation writes it to `index.js`, one file only,
 * at most 4096 characters. Keeping the tested source files as the origin of the inline code means
 * the code learners deploy is exactly the code the unit tests exercise.
 */

/** CloudFormation's documented limit for inline Lambda source. */
export const INLINE_CODE_LIMIT = 4096;

const LOCAL_REQUIRE = /require\('(\.\/[\w.-]+\.cjs)'\)/g;

/** Full-line `//` comments and blank lines cost characters but do nothing at run time. */
export function stripCommentLines(source: string): string {
	return source
		.split('\n')
		.filter((line) => line.trim() !== '' && !line.trim().startsWith('//'))
		.join('\n');
}

/**
 * Replaces each `require('./module.cjs')` with the module's code wrapped in a function that
 * receives its own `module` object and returns its exports: the smallest module loader that
 * keeps CommonJS semantics for our files.
 */
export function inlineLambdaSource(entry: string, localModules: Readonly<Record<string, string>>): string {
	const inline = (source: string): string =>
		stripCommentLines(source).replace(LOCAL_REQUIRE, (_match, specifier: string) => {
			const required = localModules[specifier];
			if (required === undefined) throw new Error(`inline code: no source given for ${specifier}`);
			return `((module) => {\n${inline(required)}\nreturn module.exports;\n})({ exports: {} })`;
		});
	return `${inline(entry)}\n`;
}
