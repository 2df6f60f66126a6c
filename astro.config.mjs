// @ts-check
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import starlightLinksValidator from 'starlight-links-validator';

/**
 * SITE_URL and SITE_BASE let one build serve from a domain root or from a sub-path such as
 * GitHub Pages (`/sre-course/`) or an S3/CloudFront prefix. `site` is required for the sitemap,
 * which the end-to-end tests walk, so it has a local default.
 */
const site = process.env.SITE_URL ?? 'http://localhost:4321';
const base = process.env.SITE_BASE ?? '/';

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	integrations: [
		starlight({
			title: 'SRE Foundations on AWS',
			description:
				'A three-day, hands-on Site Reliability Engineering course on AWS: SLOs and error budgets, toil, observability, alerting, incident response and release engineering.',
			customCss: ['./src/styles/theme.css'],
			lastUpdated: false,
			pagination: true,
			plugins: [starlightLinksValidator({ errorOnLocalLinks: true })],
			components: {},
			sidebar: [
				{
					label: 'Start here',
					items: [
						{ label: 'Welcome', link: '/' },
						{ slug: 'prepare-sandbox' },
					],
				},
				{ label: 'Day 1 · SRE principles', autogenerate: { directory: 'day-1' } },
				{ label: 'Day 2 · Monitoring and reliability', autogenerate: { directory: 'day-2' } },
				{ label: 'Day 3 · Incidents and delivery', autogenerate: { directory: 'day-3' } },
				{ label: 'Labs', autogenerate: { directory: 'labs' } },
				{ label: 'Quizzes', autogenerate: { directory: 'quizzes' } },
				{ label: 'Instructors', autogenerate: { directory: 'instructors' } },
			],
		}),
	],
});
