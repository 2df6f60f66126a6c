import type { StoredProgress } from '../schemas/progress.ts';
import { isLabDone } from './progress-steps.ts';

/**
 * Which site pages count as done, for the ✓ marks in the sidebar: module pages the learner marked as
 * read, end-of-day quiz pages whose quiz was submitted, and lab pages whose lab is marked done or
 * passed by the grader.
 */
export function completedPageIds(progress: StoredProgress): Set<string> {
	const done = new Set(Object.keys(progress.pages));
	for (const quizId of Object.keys(progress.quizzes)) {
		if (/^day-\d+$/.test(quizId)) done.add(`quizzes/${quizId}`);
	}
	for (const labId of Object.keys(progress.labs)) if (isLabDone(progress, labId)) done.add(`labs/${labId}`);
	return done;
}

/**
 * The page id (doc slug) of a site pathname: `/sre-course/day-1/what-is-sre/` with base
 * `/sre-course/` → `day-1/what-is-sre`. The home page is `index`, as in Starlight.
 */
export function pageIdFromPathname(pathname: string, base: string): string {
	const normalizedBase = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
	const withinSite = pathname.startsWith(normalizedBase)
		? pathname.slice(normalizedBase.length)
		: pathname.replace(/^\//, '');
	const id = withinSite.replace(/\/index\.html$|\.html$/, '').replace(/^\/+|\/+$/g, '');
	return id === '' ? 'index' : decodeURIComponent(id);
}
