/**
 * The learner's path through the course, built from the pages' own frontmatter so the sidebar, the
 * "Next" links (Starlight follows sidebar order) and "Continue where you left off" never disagree:
 *
 *   Day N overview → its modules in module order, each module's lab right after the module that
 *   leads into it (`lab: lab1` on module 4) → any other lab of that day (`day: N` on the lab page)
 *   → the Day N quiz; after the last day's quiz, "You have finished".
 *
 * Pure functions over page metadata; `readCoursePages` is the only part that touches the disk.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface CoursePageMeta {
	/** Starlight slug: `day-1/what-is-sre`, `day-1` for `day-1/index.mdx`, `labs/lab1`. */
	slug: string;
	title: string;
	day?: number;
	module?: number;
	lab?: string;
	sidebarLabel?: string;
}

export interface SidebarLink {
	slug: string;
	label: string;
}

export interface DayGroup {
	day: number;
	label: string;
	items: SidebarLink[];
}

export const dayThemes: Record<number, string> = {
	1: 'SRE principles',
	2: 'Monitoring and reliability',
	3: 'Incidents and delivery',
};

export const finishedSlug = 'finished';

function slugFromFile(relativePath: string): string {
	const withoutExtension = relativePath.replace(/\.mdx?$/, '');
	return withoutExtension === 'index' ? 'index' : withoutExtension.replace(/\/index$/, '');
}

/** Frontmatter of every page under `docsDir` (only the fields the path needs). */
export function readCoursePages(docsDir: string): CoursePageMeta[] {
	const files = readdirSync(docsDir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.mdx?$/.test(file));
	return files.map((file) => {
		const text = readFileSync(join(docsDir, file), 'utf8');
		const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
		if (!match) throw new Error(`${file}: no frontmatter block; every course page starts with --- title: … ---`);
		const data = (parse(match[1] ?? '') ?? {}) as Record<string, unknown>;
		const sidebar = (data.sidebar ?? {}) as { label?: unknown };
		return {
			slug: slugFromFile(file.split('\\').join('/')),
			title: String(data.title ?? ''),
			day: typeof data.day === 'number' ? data.day : undefined,
			module: typeof data.module === 'number' ? data.module : undefined,
			lab: typeof data.lab === 'string' ? data.lab : undefined,
			sidebarLabel: typeof sidebar.label === 'string' ? sidebar.label : undefined,
		};
	});
}

function requirePage(pages: readonly CoursePageMeta[], slug: string): CoursePageMeta {
	const page = pages.find((candidate) => candidate.slug === slug);
	if (!page)
		throw new Error(`The course path needs the page ${slug} (src/content/docs/${slug}.mdx), which is missing.`);
	return page;
}

/** "Lab 1: SLIs, SLOs and error budgets" stays as it is; a module gets its number: "4. SLIs, SLOs …". */
function moduleLabel(page: CoursePageMeta): string {
	return `${page.module}. ${page.sidebarLabel ?? page.title}`;
}

/** One sidebar group per day, in agenda order. */
export function courseDayGroups(pages: readonly CoursePageMeta[]): DayGroup[] {
	const days = [...new Set(pages.filter((page) => page.module !== undefined).map((page) => page.day ?? 0))].sort(
		(a, b) => a - b,
	);
	return days.map((day) => {
		const overview = requirePage(pages, `day-${day}`);
		const modules = pages
			.filter((page) => page.module !== undefined && page.day === day && page.slug.startsWith(`day-${day}/`))
			.sort((a, b) => (a.module ?? 0) - (b.module ?? 0));
		const items: SidebarLink[] = [{ slug: overview.slug, label: `Day ${day} overview` }];
		for (const module of modules) {
			items.push({ slug: module.slug, label: moduleLabel(module) });
			if (module.lab) {
				const lab = requirePage(pages, `labs/${module.lab}`);
				items.push({ slug: lab.slug, label: lab.title });
			}
		}
		// A lab page of this day that no module leads into still belongs to the day: before its quiz.
		const placed = new Set(items.map((item) => item.slug));
		const unplacedLabs = pages
			.filter((page) => /^labs\/lab\d+$/.test(page.slug) && page.day === day && !placed.has(page.slug))
			.sort((a, b) => a.slug.localeCompare(b.slug, 'en', { numeric: true }));
		for (const lab of unplacedLabs) items.push({ slug: lab.slug, label: lab.title });
		requirePage(pages, `quizzes/day-${day}`);
		items.push({ slug: `quizzes/day-${day}`, label: `Day ${day} quiz` });
		if (day === days.at(-1)) items.push({ slug: requirePage(pages, finishedSlug).slug, label: 'You have finished' });
		return { day, label: `Day ${day} · ${dayThemes[day] ?? 'Course'}`, items };
	});
}

/** The learner's path from the first day's overview to "You have finished", as slugs. */
export function learnerPath(groups: readonly DayGroup[]): string[] {
	return groups.flatMap((group) => group.items.map((item) => item.slug));
}
