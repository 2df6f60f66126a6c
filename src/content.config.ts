import { defineCollection } from 'astro:content';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { CoursePageSchema } from './schemas/course-page.ts';
import { quizBankLoader } from './utils/quiz-bank-collection.ts';

export const collections = {
	docs: defineCollection({
		loader: docsLoader(),
		schema: docsSchema({ extend: CoursePageSchema }),
	}),
	/** UI string overrides (none yet); declared so Starlight is i18n-ready and does not warn. */
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
	/** Pop-quiz banks from `quizzes/module-NN.yaml`, validated together (see src/utils/quiz-bank-loader.ts). */
	quizzes: defineCollection({ loader: quizBankLoader() }),
};
