/** The curriculum is complete: 13 modules of real depth, three day overviews and a glossary. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { courseOutline } from './course-outline.ts';
import { proseWordCount } from './prose.ts';

const docs = 'src/content/docs';

function readPage(slug: string): { source: string; frontmatter: Record<string, unknown> } {
	const file = [`${docs}/${slug}.mdx`, `${docs}/${slug}.md`, `${docs}/${slug}/index.mdx`].find(existsSync);
	if (!file) throw new Error(`No page for ${slug}`);
	const source = readFileSync(file, 'utf8');
	const frontmatter = parse(source.match(/^---\n([\s\S]*?)\n---/)?.[1] ?? '') as Record<string, unknown>;
	return { source, frontmatter };
}

test('the outline has thirteen modules in course order', () => {
	expect(courseOutline.map((entry) => entry.module)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
});

describe.each(courseOutline)('module $module ($slug)', ({ slug, module, day, topics }) => {
	// Read lazily so a missing page fails its own tests instead of the whole file.
	const page = {
		get source() {
			return readPage(slug).source;
		},
		get frontmatter() {
			return readPage(slug).frontmatter;
		},
	};

	test('declares its day, module number, duration and AWS services', () => {
		expect(page.frontmatter.day).toBe(day);
		expect(page.frontmatter.module).toBe(module);
		expect(page.frontmatter.durationMinutes).toBeGreaterThan(0);
		expect(Array.isArray(page.frontmatter.awsServices)).toBe(true);
	});

	test('has at least 900 words of prose', () => {
		expect(proseWordCount(page.source)).toBeGreaterThanOrEqual(900);
	});

	test('covers every topic COURSE.md lists for it', () => {
		const text = page.source.toLowerCase().replace(/\s+/g, ' ');
		const missing = Object.entries(topics)
			.filter(([, words]) => !words.some((word) => text.includes(word.toLowerCase())))
			.map(([topic]) => topic);
		expect(missing).toEqual([]);
	});

	test('has objectives, takeaways and further reading', () => {
		expect(page.source).toMatch(/^##.*(objective|you will)/im);
		expect(page.source).toMatch(/^##.*takeaway/im);
		expect(page.source).toMatch(/^##.*(further reading|learn more|read more)/im);
		expect(page.source).toMatch(/\]\(https:\/\//);
	});
});

test.each([1, 2, 3])('day %i has an overview page linking its quiz', (day) => {
	const page = readPage(`day-${day}/index`);
	expect(page.frontmatter.day).toBe(day);
	expect(page.source).toContain(`/quizzes/day-${day}/`);
});

test('the glossary defines the core terms and links to where each is taught', () => {
	const { source } = readPage('glossary');
	for (const term of [
		'SLI',
		'SLO',
		'SLA',
		'error budget',
		'burn rate',
		'toil',
		'MTTD',
		'MTTR',
		'golden signals',
		'runbook',
		'postmortem',
		'game day',
		'drift',
	]) {
		expect(source.toLowerCase()).toContain(term.toLowerCase());
	}
	expect(source.match(/\]\(\/day-\d\//g)?.length ?? 0).toBeGreaterThanOrEqual(20);
});

test('the prose counter ignores code, tables and markup', () => {
	const sample =
		'---\ntitle: x\n---\nimport A from "a";\n\nOne two three.\n\n```bash\nnot counted here\n```\n\n| a | b |\n|---|---|\n\n<Aside type="tip">Four five</Aside>\n';
	expect(proseWordCount(sample)).toBe(5);
});
