import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { CoursePageSchema } from './schemas/course-page';
import { quizBankLoader } from './utils/quiz-bank-collection.ts';

export const collections = {
	docs: defineCollection({
		loader: docsLoader(),
		schema: docsSchema({ extend: CoursePageSchema }),
	}),
	/** Pop-quiz banks from `quizzes/module-NN.yaml`, validated together (see src/utils/quiz-bank-loader.ts). */
	quizzes: defineCollection({ loader: quizBankLoader() }),
};
