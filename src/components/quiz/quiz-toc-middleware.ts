import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { moduleQuizId } from '../../utils/quiz-course-days.ts';
import { getQuizBank } from './quiz-data.ts';

/**
 * Starlight builds "On this page" from the Markdown headings only, and the pop quiz is added after the
 * Markdown by the MarkdownContent override, so its heading would be missing there. This route
 * middleware (astro.config.mjs `routeMiddleware`) appends it, with the id Quiz.astro gives the heading.
 */
export const onRequest = defineRouteMiddleware(async (context) => {
	const { entry, toc } = context.locals.starlightRoute;
	const module = entry.data.module;
	if (module === undefined || !toc) return;
	const bank = await getQuizBank(module);
	if (!bank) return;
	toc.items.push({
		depth: 2,
		slug: `${moduleQuizId(module)}-quiz-heading`,
		text: `Pop quiz: ${bank.title}`,
		children: [],
	});
});
