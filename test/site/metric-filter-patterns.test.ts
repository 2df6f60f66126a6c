import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accessLogSamples, combinedLogFields } from '../../graders/collectors/logs/access-log-samples.ts';
import { patternMatches, splitFields } from '../graders/support/filter-pattern-emulator.ts';

/**
 * Every metric-filter pattern the course shows a learner — in CLI commands, tables and inline code of
 * every page, in the lab checks' hints rendered on the lab pages, and in the reference solutions — is
 * replayed against the access-log samples the Lab 1 grader sends to TestMetricFilter (the combined log
 * format Apache writes on the lab's instance), with the same pattern semantics as the grader's tests.
 * A server-error pattern must match exactly the 5xx lines; any other pattern counts requests and must
 * match every line. A page that teaches a pattern which matches nothing fails here, not in a learner's
 * account.
 */
const root = new URL('../../', import.meta.url).pathname;

function filesUnder(directory: string, suffixes: string[]): string[] {
	return readdirSync(join(root, directory), { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && suffixes.some((suffix) => entry.name.endsWith(suffix)))
		.map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

interface ShownPattern {
	file: string;
	pattern: string;
}

/** `--filter-pattern '…'` or `"…"`, `FilterPattern: '…'` in templates. */
const commandPattern = /(?:--filter-pattern|FilterPattern:)\s+(?:'([^']*)'|"((?:[^"\\]|\\.)*)")/g;
/** Inline code or hint text that is a space-delimited pattern: `[name, name…]` or `[..., …]`. */
const spaceDelimitedPattern = /\[(?:\.\.\.|[A-Za-z_]\w*)\s*(?:[=!<>][^,\]`]*)?,[^\]`\n]*\]/g;
/** Inline code that is a JSON pattern: `{ $.field … }`. */
const jsonPattern = /`(\{\s*\$[.[][^`]*\})`/g;

function patternsIn(file: string, text: string): ShownPattern[] {
	const found = new Set<string>();
	for (const match of text.matchAll(commandPattern))
		found.add((match[1] ?? match[2]?.replace(/\\(.)/g, '$1') ?? '').trim());
	for (const match of text.matchAll(jsonPattern)) found.add((match[1] ?? '').trim());
	// Space-delimited patterns appear in inline code (tables, prose) and in the manifests' hint text; a
	// template shows its patterns as FilterPattern only (its flow lists, `[Role, Arn]`, are no patterns).
	const candidates = file.endsWith('.mdx')
		? [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? '')
		: file.endsWith('manifest.yaml')
			? [text]
			: [];
	for (const candidate of candidates)
		for (const match of candidate.matchAll(spaceDelimitedPattern)) found.add(match[0].trim());
	return [...found].map((pattern) => ({ file, pattern }));
}

const sources = [
	...filesUnder('src/content/docs', ['.mdx', '.md']),
	...filesUnder('labs', ['manifest.yaml']),
	...filesUnder('labs', ['.yaml']).filter((file) => file.includes('/solution/')),
];
const shown = sources.flatMap((file) => patternsIn(file, readFileSync(join(root, file), 'utf8')));

/** A pattern is a server-error pattern when it puts a 5xx condition on the status. */
const isServerErrorPattern = (pattern: string) => /(status\w*\s*(=\s*5\*|>=?\s*(499|500)))/.test(pattern);

/** The same requests as structured log events, for the JSON patterns the course shows. */
const jsonSamples = accessLogSamples.map((sample) => {
	const [ip, , , timestamp, request, status, size] = splitFields(sample.line);
	const [method, path] = (request ?? '').split(' ');
	return {
		status: sample.status,
		line: JSON.stringify({ ip, timestamp, method, path, status: Number(status), size: Number(size) }),
	};
});

describe('the sample access log', () => {
	it('is in the combined log format: nine fields, the status code sixth', () => {
		for (const sample of accessLogSamples) {
			const fields = splitFields(sample.line);
			expect(fields, sample.line).toHaveLength(combinedLogFields.length);
			expect(fields[combinedLogFields.indexOf('status_code')]).toBe(String(sample.status));
		}
	});

	it('has 5xx lines and lines that are not 5xx, including a 503 that is not in the status field', () => {
		expect(accessLogSamples.filter((sample) => sample.status >= 500).length).toBeGreaterThanOrEqual(3);
		expect(accessLogSamples.some((sample) => sample.status < 500 && sample.line.includes('503'))).toBe(true);
	});
});

describe('every metric-filter pattern the course shows', () => {
	it('finds the patterns of the SLO module, the CloudWatch module, Lab 1 and its solution', () => {
		const files = new Set(shown.map((entry) => entry.file));
		for (const file of [
			'src/content/docs/day-1/slis-slos-error-budgets.mdx',
			'src/content/docs/day-2/cloudwatch-and-xray.mdx',
			'src/content/docs/labs/lab1.mdx',
			'labs/lab1/manifest.yaml',
			'labs/lab1/solution/template.yaml',
		])
			expect(files, file).toContain(file);
		expect(shown.filter((entry) => isServerErrorPattern(entry.pattern)).length).toBeGreaterThanOrEqual(5);
	});

	it.each(shown.map((entry) => [entry.file, entry.pattern]))('%s: %s', (_file, pattern) => {
		const samples = pattern.startsWith('{') ? jsonSamples : accessLogSamples;
		const matched = samples.filter((sample) => patternMatches(pattern, sample.line)).map((sample) => sample.status);
		if (isServerErrorPattern(pattern))
			expect(matched).toEqual(samples.filter((sample) => sample.status >= 500).map((sample) => sample.status));
		else expect(matched).toEqual(samples.map((sample) => sample.status));
	});
});

describe('the sample lines a page gives to test-metric-filter', () => {
	/** Each `aws logs test-metric-filter` command: its pattern and the quoted events after --log-event-messages. */
	const commands = filesUnder('src/content/docs', ['.mdx']).flatMap((file) => {
		const text = readFileSync(join(root, file), 'utf8');
		return [...text.matchAll(/aws logs test-metric-filter((?:[^\n]*\\\n)+[^\n]*)/g)].map((match) => {
			const command = match[1] ?? '';
			const pattern = /--filter-pattern\s+'([^']*)'/.exec(command)?.[1] ?? '';
			const events = command.split('--log-event-messages')[1] ?? '';
			return { file, pattern, lines: [...events.matchAll(/'([^']*)'/g)].map((event) => event[1] ?? '') };
		});
	});

	it('exist on the pages that teach testing a filter', () => {
		expect(commands.map((command) => command.file)).toEqual(
			expect.arrayContaining(['src/content/docs/day-2/cloudwatch-and-xray.mdx', 'src/content/docs/labs/lab1.mdx']),
		);
	});

	it.each(commands.map((command) => [command.file, command]))(
		'%s: lines in the lab format, matched exactly where the status is 5xx',
		(_file, command) => {
			expect(command.lines.length).toBeGreaterThan(0);
			for (const line of command.lines) {
				const fields = splitFields(line);
				expect(fields, line).toHaveLength(combinedLogFields.length);
				const status = Number(fields[combinedLogFields.indexOf('status_code')]);
				expect(patternMatches(command.pattern, line), line).toBe(
					isServerErrorPattern(command.pattern) ? status >= 500 : true,
				);
			}
		},
	);
});
