import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { type QuizBank, QuizBankSchema } from '../schemas/quiz-bank.ts';

/**
 * Turns the raw text of the quiz bank files into validated banks, or into a list of problems that each
 * name the file, the question id and the field. zod alone reports `questions.7.options.2.explanation`,
 * which forces an author to count list items in YAML; naming the question by its id points straight
 * at the spot to fix.
 *
 * Pure (no file system): the build reads the files and passes them in, the unit tests pass fixtures.
 */

export interface QuizBankFile {
	/** Path shown in messages, relative to the project root, e.g. `quizzes/module-04.yaml`. */
	path: string;
	source: string;
}

export type QuizBankLoadResult = { ok: true; banks: QuizBank[] } | { ok: false; problems: string[] };

/** Thrown by the build when any bank is invalid; its message lists every problem, one per line. */
export class QuizBankError extends Error {
	readonly problems: readonly string[];

	constructor(problems: readonly string[]) {
		super(
			`Invalid quiz bank${problems.length === 1 ? '' : 's'}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
		);
		this.name = 'QuizBankError';
		this.problems = problems;
	}
}

const BANK_FILE_NAME = /(?:^|\/)module-(\d{2})\.ya?ml$/;

/** Validates every bank, then the rules that span banks (unique ids). Banks come back sorted by module. */
export function loadQuizBanks(files: readonly QuizBankFile[]): QuizBankLoadResult {
	const problems: string[] = [];
	const banks: Array<{ path: string; bank: QuizBank }> = [];
	for (const file of files) {
		const result = loadQuizBank(file);
		if (result.ok) banks.push({ path: file.path, bank: result.bank });
		else problems.push(...result.problems);
	}
	problems.push(...findDuplicateModules(banks), ...findDuplicateQuestionIds(banks));
	if (problems.length > 0) return { ok: false, problems };
	return { ok: true, banks: banks.map(({ bank }) => bank).sort((a, b) => a.module - b.module) };
}

/** Same as {@link loadQuizBanks} but throws a {@link QuizBankError}, which is what a build wants. */
export function loadQuizBanksOrThrow(files: readonly QuizBankFile[]): QuizBank[] {
	const result = loadQuizBanks(files);
	if (!result.ok) throw new QuizBankError(result.problems);
	return result.banks;
}

type SingleBankResult = { ok: true; bank: QuizBank } | { ok: false; problems: string[] };

export function loadQuizBank(file: QuizBankFile): SingleBankResult {
	const nameMatch = BANK_FILE_NAME.exec(file.path);
	if (!nameMatch) {
		return { ok: false, problems: [`${file.path}: the file name must be module-NN.yaml, e.g. module-04.yaml`] };
	}
	let raw: unknown;
	try {
		raw = parseYaml(file.source);
	} catch (error) {
		return { ok: false, problems: [`${file.path}: not valid YAML: ${describeYamlError(error)}`] };
	}
	const parsed = QuizBankSchema.safeParse(raw);
	if (!parsed.success) {
		return { ok: false, problems: parsed.error.issues.map((issue) => describeIssue(file.path, raw, issue)) };
	}
	const moduleFromName = Number(nameMatch[1]);
	if (parsed.data.module !== moduleFromName) {
		return {
			ok: false,
			problems: [
				`${file.path}: field "module" is ${parsed.data.module}, but the file name says module ${moduleFromName}`,
			],
		};
	}
	return { ok: true, bank: parsed.data };
}

function describeYamlError(error: unknown): string {
	if (error instanceof YAMLParseError) {
		const position = error.linePos?.[0];
		const where = position ? `line ${position.line}, column ${position.col}: ` : '';
		// The library's message repeats the position and appends a source excerpt; the first line is enough.
		return where + (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
	}
	return error instanceof Error ? error.message : String(error);
}

/**
 * `questions.3.options.1.text` → `question "m04-error-budget", field "options[1].text"`. A question
 * whose id is itself missing or invalid is named by its position, the only handle left.
 */
export function describeIssue(path: string, raw: unknown, issue: z.core.$ZodIssue): string {
	const segments = issue.path.map((segment) => (typeof segment === 'symbol' ? segment.toString() : segment));
	if (segments[0] === 'questions' && typeof segments[1] === 'number') {
		const index = segments[1];
		const question = questionLabel(raw, index);
		const field = formatFieldPath(segments.slice(2));
		return `${path}: ${question}, field "${field || '(the question itself)'}": ${issue.message}`;
	}
	const field = formatFieldPath(segments);
	return `${path}: field "${field || '(the whole file)'}": ${issue.message}`;
}

function questionLabel(raw: unknown, index: number): string {
	const questions = isRecord(raw) && Array.isArray(raw.questions) ? raw.questions : [];
	const candidate: unknown = questions[index];
	const id = isRecord(candidate) ? candidate.id : undefined;
	if (typeof id === 'string' && id.trim() !== '') return `question "${id}"`;
	return `question #${index + 1} (no usable id)`;
}

function formatFieldPath(segments: ReadonlyArray<string | number>): string {
	return segments.reduce<string>((text, segment) => {
		if (typeof segment === 'number') return `${text}[${segment}]`;
		return text === '' ? segment : `${text}.${segment}`;
	}, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function findDuplicateModules(banks: ReadonlyArray<{ path: string; bank: QuizBank }>): string[] {
	const firstPathByModule = new Map<number, string>();
	const problems: string[] = [];
	for (const { path, bank } of banks) {
		const first = firstPathByModule.get(bank.module);
		if (first) problems.push(`${path}: field "module": module ${bank.module} already has a bank in ${first}`);
		else firstPathByModule.set(bank.module, path);
	}
	return problems;
}

/** Ids must be unique across all banks: the end-of-day quizzes mix questions from several modules. */
function findDuplicateQuestionIds(banks: ReadonlyArray<{ path: string; bank: QuizBank }>): string[] {
	const firstPathById = new Map<string, string>();
	const problems: string[] = [];
	for (const { path, bank } of banks) {
		for (const question of bank.questions) {
			const first = firstPathById.get(question.id);
			if (first) {
				const where = first === path ? 'earlier in this file' : `in ${first}`;
				problems.push(`${path}: question "${question.id}", field "id": duplicate id, already used ${where}`);
			} else {
				firstPathById.set(question.id, path);
			}
		}
	}
	return problems;
}
