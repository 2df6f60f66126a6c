import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { quizBankLoader } from '../../src/utils/quiz-bank-collection.ts';

const projectRoot = new URL('../../', import.meta.url);

/** The slice of Astro's loader context the quiz loader uses, recording what it stores. */
function fakeContext(stored: Map<string, unknown>): LoaderContext {
	const context = {
		config: { root: projectRoot },
		logger: { info: () => {}, error: () => {} },
		generateDigest: (data: unknown) => JSON.stringify(data).length.toString(),
		store: {
			clear: () => stored.clear(),
			set: ({ id, data }: { id: string; data: unknown }) => {
				stored.set(id, data);
				return true;
			},
		},
	};
	return context as unknown as LoaderContext;
}

function fixtureDirectory(name: string): string {
	return new URL(`../fixtures/quizzes/${name}/`, import.meta.url).pathname;
}

describe('quizBankLoader (the build path)', () => {
	it('stores one entry per module, keyed module-NN', async () => {
		const stored = new Map<string, unknown>();
		await quizBankLoader({ directory: fixtureDirectory('valid') }).load(fakeContext(stored));
		expect([...stored.keys()]).toEqual(['module-01', 'module-02']);
	});

	it('fails the build with the precise problem when a bank is broken', async () => {
		const stored = new Map<string, unknown>();
		const load = quizBankLoader({ directory: fixtureDirectory('single-two-correct') }).load(fakeContext(stored));
		await expect(load).rejects.toThrow(
			'test/fixtures/quizzes/single-two-correct/module-01.yaml: question "f01-single", field "options": A single-choice question needs exactly one correct option',
		);
		expect(stored.size).toBe(0);
	});

	it('loads the real course banks from quizzes/, one per module', async () => {
		const stored = new Map<string, unknown>();
		await quizBankLoader().load(fakeContext(stored));
		expect(stored.size).toBe(13);
	});
});
