// @ts-check

import { fileURLToPath } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import starlightLinksValidator from 'starlight-links-validator';
import { baseLinksPlugin } from './src/integrations/base-links.ts';
import { courseDownloads } from './src/integrations/course-downloads.ts';
import { tableRegionsPlugin } from './src/integrations/table-regions.ts';
import { courseDayGroups, readCoursePages } from './src/utils/course-sidebar.ts';

/**
 * SITE_URL and SITE_BASE let one build serve from a domain root or from a sub-path such as
 * GitHub Pages (`/sre-course/`) or an S3/CloudFront prefix. `site` is required for the sitemap,
 * which the end-to-end tests walk, so it has a local default.
 */
const site = process.env.SITE_URL ?? 'http://localhost:4321';
const base = process.env.SITE_BASE ?? '/';
/** A second build (the base-path test) writes elsewhere so it never clobbers `dist/`. */
const outDir = process.env.SITE_OUT_DIR ?? './dist';
/**
 * The internal-link validator always runs in tests and CI. SKIP_LINK_CHECK=1 exists only for authors
 * building one section while pages it links to are still being written.
 */
const validateLinks = process.env.SKIP_LINK_CHECK !== '1';

export default defineConfig({
	site,
	base,
	outDir,
	trailingSlash: 'always',
	markdown: {
		// Every content table scrolls inside its own named, focusable region on narrow screens.
		processor: satteri({ hastPlugins: [baseLinksPlugin(base), tableRegionsPlugin()] }),
	},
	integrations: [
		// The learner's grader and the lab tooling, published with the site (`<base>/sre-lab-<version>.mjs` …).
		courseDownloads(),
		starlight({
			title: 'SRE Foundations on AWS',
			description:
				'A three-day, hands-on Site Reliability Engineering course on AWS: SLOs and error budgets, toil, observability, alerting, incident response and release engineering.',
			customCss: ['./src/styles/theme.css'],
			// Long command lines wrap instead of scrolling: a scrollable <pre> with nothing focusable in
			// it cannot be scrolled from the keyboard (WCAG 2.1.1, axe "scrollable-region-focusable").
			expressiveCode: { defaultProps: { wrap: true, preserveIndent: true } },
			lastUpdated: false,
			pagination: true,
			plugins: validateLinks ? [starlightLinksValidator({ errorOnLocalLinks: true })] : [],
			components: {
				MarkdownContent: './src/components/overrides/MarkdownContent.astro',
				PageTitle: './src/components/overrides/PageTitle.astro',
				Hero: './src/components/overrides/Hero.astro',
			},
			// Adds the pop quiz (rendered after the Markdown) to "On this page".
			routeMiddleware: './src/components/quiz/quiz-toc-middleware.ts',
			// One guided path: each day's group holds its overview, modules, labs and quiz in agenda order,
			// built from the pages' frontmatter (src/utils/course-sidebar.ts). Starlight's "Next" follows
			// this order, so it runs Module 4 → Lab 1 → Module 5 … and ends on "You have finished".
			sidebar: [
				{
					label: 'Start here',
					items: [
						{ slug: 'index', label: 'Welcome' },
						{ slug: 'prepare-sandbox' },
						{ slug: 'labs', label: 'How the labs work' },
						{ slug: 'quizzes', label: 'How the quizzes work' },
					],
				},
				...courseDayGroups(readCoursePages(fileURLToPath(new URL('./src/content/docs/', import.meta.url)))).map(
					({ label, items }) => ({ label, items }),
				),
				{ label: 'Reference', items: [{ slug: 'progress' }, { slug: 'glossary' }] },
				{ label: 'Instructors', items: [{ autogenerate: { directory: 'instructors' } }] },
			],
		}),
	],
});
