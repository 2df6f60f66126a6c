import { getCollection } from 'astro:content';
import { courseLabs, labAfterModule } from '../../utils/progress-labs.ts';
import { courseDays, dayQuizId, moduleQuizId } from '../../utils/quiz-course-days.ts';
import { selectDayQuiz } from '../../utils/quiz-selection.ts';
import { withBase } from '../../utils/with-base.ts';
import { getQuizBanks } from '../quiz/quiz-data.ts';

/**
 * What the "My progress" page lists, resolved at build time: each day's modules with their page,
 * quiz and lab, then the end-of-day quiz. Titles and links come from the module pages when they exist,
 * and from the quiz banks otherwise, so the page is complete even while content is being written.
 */

export interface OutlineLab {
	id: string;
	title: string;
	href?: string;
}

export interface OutlineRow {
	title: string;
	href?: string;
	/** Page id for the "read" mark; absent for the end-of-day quiz row. */
	pageId?: string;
	quizId: string;
	quizMaxScore: number;
	lab?: OutlineLab;
}

export interface OutlineDay {
	day: number;
	title: string;
	rows: OutlineRow[];
}

export async function getProgressOutline(): Promise<OutlineDay[]> {
	const base = import.meta.env.BASE_URL;
	const [banks, docs] = await Promise.all([getQuizBanks(), getCollection('docs')]);
	const pageHref = (id: string) => withBase(`/${id}/`, base);
	const docIds = new Set(docs.map((doc) => doc.id));
	const labOf = (id: string): OutlineLab | undefined => {
		const lab = courseLabs.find((candidate) => candidate.id === id);
		if (!lab) return undefined;
		return {
			id: lab.id,
			title: lab.title,
			href: docIds.has(`labs/${lab.id}`) ? pageHref(`labs/${lab.id}`) : undefined,
		};
	};
	return courseDays.map(({ day, title, modules }) => {
		const rows: OutlineRow[] = modules.map((module) => {
			const page = docs.find((doc) => doc.data.module === module);
			const bank = banks.find((candidate) => candidate.module === module);
			const labId = page?.data.lab ?? labAfterModule(module)?.id;
			return {
				title: `${module}. ${page?.data.title ?? bank?.title ?? `Module ${module}`}`,
				href: page ? pageHref(page.id) : undefined,
				pageId: page?.id,
				quizId: moduleQuizId(module),
				quizMaxScore: bank?.questions.length ?? 0,
				lab: labId ? labOf(labId) : undefined,
			};
		});
		const dayQuestions = selectDayQuiz(banks, day).reduce((sum, section) => sum + section.questions.length, 0);
		rows.push({
			title: `Day ${day} end-of-day quiz`,
			href: pageHref(`quizzes/${dayQuizId(day)}`),
			quizId: dayQuizId(day),
			quizMaxScore: dayQuestions,
		});
		return { day, title, rows };
	});
}
