import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readQuizBankFiles } from '../../src/utils/quiz-bank-files.ts';
import { loadQuizBanks, QuizBankError } from '../../src/utils/quiz-bank-loader.ts';

const fixtures = fileURLToPath(new URL('../fixtures/quizzes/', import.meta.url));
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

async function loadFixture(name: string) {
	return loadQuizBanks(await readQuizBankFiles(`${fixtures}${name}`, projectRoot));
}

async function problemsOf(name: string): Promise<string[]> {
	const result = await loadFixture(name);
	if (result.ok) throw new Error(`fixture ${name} was expected to be invalid`);
	return result.problems;
}

describe('loadQuizBanks', () => {
	it('accepts well-formed banks and returns them in module order', async () => {
		const result = await loadFixture('valid');
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.banks.map((bank) => bank.module)).toEqual([1, 2]);
		expect(result.banks[0]?.questions.map((question) => question.id)).toEqual([
			'f01-single',
			'f01-multiple',
			'f01-third',
			'f01-fourth',
			'f01-fifth',
		]);
	});

	it('names file, question id and field when an explanation is missing', async () => {
		expect(await problemsOf('missing-explanation')).toEqual([
			'test/fixtures/quizzes/missing-explanation/module-01.yaml: question "f01-multiple", field "options[1].explanation": Invalid input: expected string, received undefined',
		]);
	});

	it('rejects a single-choice question with two correct options', async () => {
		expect(await problemsOf('single-two-correct')).toEqual([
			'test/fixtures/quizzes/single-two-correct/module-01.yaml: question "f01-single", field "options": A single-choice question needs exactly one correct option; this one has 2',
		]);
	});

	it('rejects a multiple-choice question with no correct option', async () => {
		expect(await problemsOf('multiple-none-correct')).toEqual([
			'test/fixtures/quizzes/multiple-none-correct/module-01.yaml: question "f01-multiple", field "options": A multiple-choice question needs at least one correct option; none is marked correct',
		]);
	});

	it('requires exactly two questions marked for the end-of-day review', async () => {
		expect(await problemsOf('wrong-review-count')).toEqual([
			'test/fixtures/quizzes/wrong-review-count/module-01.yaml: field "questions": Mark exactly 2 questions with "review: true" for the end-of-day quiz; found 1',
		]);
	});

	it('rejects an id reused in another bank, naming both files', async () => {
		expect(await problemsOf('duplicate-ids')).toEqual([
			'test/fixtures/quizzes/duplicate-ids/module-02.yaml: question "f01-multiple", field "id": duplicate id, already used in test/fixtures/quizzes/duplicate-ids/module-01.yaml',
		]);
	});

	it('reports YAML syntax errors with the file and line', async () => {
		const [problem, ...rest] = await problemsOf('bad-yaml');
		expect(rest).toEqual([]);
		expect(problem).toMatch(
			/^test\/fixtures\/quizzes\/bad-yaml\/module-01\.yaml: not valid YAML: line \d+, column \d+: /,
		);
	});

	it('rejects a bank whose module number disagrees with its file name', async () => {
		expect(await problemsOf('module-mismatch')).toEqual([
			'test/fixtures/quizzes/module-mismatch/module-03.yaml: field "module" is 1, but the file name says module 3',
		]);
	});

	it('names a question by position when its id itself is invalid', async () => {
		const problems = await problemsOf('bad-id');
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/module-01\.yaml: question "Fourth Question", field "id": Use lowercase letters/);
	});

	it('rejects unknown fields, which are usually typos', async () => {
		const problems = await problemsOf('unknown-field');
		expect(problems).toHaveLength(1);
		expect(problems[0]).toContain('question "f01-fifth", field "(the question itself)"');
		expect(problems[0]).toContain('promt');
	});

	it('rejects a file that is not named module-NN.yaml', () => {
		const result = loadQuizBanks([{ path: 'quizzes/slo.yaml', source: 'module: 4' }]);
		expect(result).toEqual({
			ok: false,
			problems: ['quizzes/slo.yaml: the file name must be module-NN.yaml, e.g. module-04.yaml'],
		});
	});

	it('names a question without any id by its position', () => {
		const source = 'module: 4\ntitle: T\nquestions:\n  - kind: single\n    prompt: P\n    options: []\n';
		const result = loadQuizBanks([{ path: 'quizzes/module-04.yaml', source }]);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems).toContain(
			'quizzes/module-04.yaml: question #1 (no usable id), field "id": Invalid input: expected string, received undefined',
		);
		expect(result.problems).toContain(
			'quizzes/module-04.yaml: field "questions": Too small: expected array to have >=5 items',
		);
	});
});

describe('QuizBankError', () => {
	it('lists every problem on its own line, so the build log shows them all', () => {
		const error = new QuizBankError(['a.yaml: one', 'b.yaml: two']);
		expect(error.message).toBe('Invalid quiz banks:\n  - a.yaml: one\n  - b.yaml: two');
	});
});
