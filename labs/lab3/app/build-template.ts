/**
 * Writes the services' inline code into the application template:
 *
 *   npx node labs/lab3/app/build-template.ts          rewrite template.yaml
 *   npx node labs/lab3/app/build-template.ts --check  exit 1 when template.yaml is out of date
 *
 * The YAML is edited as a document (comments and layout kept), and only the two ZipFile values change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument, Scalar } from 'yaml';
import { INLINE_CODE_LIMIT, inlineLambdaSource } from './inline-code.ts';

const here = new URL('./', import.meta.url);
export const TEMPLATE_FILE = new URL('template.yaml', here);
const SERVICES_DIR = new URL('services/', here);

/** Template resource → the service file whose code it runs. */
export const FUNCTION_SOURCES = {
	OrdersFunction: 'orders.cjs',
	InventoryFunction: 'inventory.cjs',
} as const;

const LOCAL_MODULES = ['fault-switch.cjs'] as const;

export function readServiceSource(file: string): string {
	return readFileSync(new URL(file, SERVICES_DIR), 'utf8');
}

/** The inline code of every function, built from the service sources on disk. */
export function buildInlineCode(): Record<keyof typeof FUNCTION_SOURCES, string> {
	const modules = Object.fromEntries(LOCAL_MODULES.map((file) => [`./${file}`, readServiceSource(file)]));
	const entries = Object.entries(FUNCTION_SOURCES).map(([resource, file]) => {
		const code = inlineLambdaSource(readServiceSource(file), modules);
		if (code.length > INLINE_CODE_LIMIT) {
			throw new Error(`${file}: inline code is ${code.length} characters, over CloudFormation's ${INLINE_CODE_LIMIT}`);
		}
		return [resource, code];
	});
	return Object.fromEntries(entries) as Record<keyof typeof FUNCTION_SOURCES, string>;
}

/** Pure: the template text with each function's ZipFile replaced by the given code. */
export function renderTemplate(templateText: string, inlineCode: Readonly<Record<string, string>>): string {
	const document = parseDocument(templateText);
	for (const [resource, code] of Object.entries(inlineCode)) {
		const path = ['Resources', resource, 'Properties', 'Code', 'ZipFile'];
		if (!document.hasIn(path)) throw new Error(`template has no ${path.join('.')}`);
		const value = new Scalar(code);
		value.type = Scalar.BLOCK_LITERAL;
		document.setIn(path, value);
	}
	return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function main(args: readonly string[]): number {
	const current = readFileSync(TEMPLATE_FILE, 'utf8');
	const rendered = renderTemplate(current, buildInlineCode());
	if (args.includes('--check')) {
		if (rendered === current) return 0;
		console.error('labs/lab3/app/template.yaml is out of date: run npx node labs/lab3/app/build-template.ts');
		return 1;
	}
	writeFileSync(TEMPLATE_FILE, rendered);
	console.log(`wrote ${fileURLToPath(TEMPLATE_FILE)}`);
	return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	process.exitCode = main(process.argv.slice(2));
}
