import type { QuizProgress } from '../../schemas/progress.ts';
import { type QuizAnswers, type ScorableQuestion, scoreQuiz, unansweredQuestionIds } from '../../utils/quiz-scoring.ts';
import { browserProgressStore } from '../progress/browser-store.ts';

/**
 * <sre-quiz>: progressive enhancement for the server-rendered quiz in Quiz.astro. It checks the
 * answers, marks every option, reveals the explanations (open where the answer was wrong), shows a
 * ✓/✗ link per question and the score as a percentage against the course's pass mark by the buttons,
 * announces the score politely, offers a retry and saves the last submission in the progress store,
 * restoring it on the next visit.
 *
 * The questions and the correct options are read from the markup (data-correct), so the script knows
 * nothing about banks and stays small.
 */

interface QuestionView extends ScorableQuestion {
	fieldset: HTMLFieldSetElement;
	inputs: HTMLInputElement[];
	number: number;
}

function listKeys(keys: readonly string[]): string {
	const letters = keys.map((key) => key.toUpperCase());
	if (letters.length <= 1) return letters.join('');
	return `${letters.slice(0, -1).join(', ')} and ${letters.at(-1)}`;
}

function percent(score: number, maxScore: number): number {
	return Math.round((score / maxScore) * 100);
}

function setText(parent: Element, selector: string, text: string): void {
	const element = parent.querySelector(selector);
	if (element) element.textContent = text;
}

function listNumbers(numbers: readonly number[]): string {
	return numbers.length === 1 ? `question ${numbers[0]}` : `questions ${listKeys(numbers.map(String))}`;
}

class SreQuiz extends HTMLElement {
	#questions: QuestionView[] = [];
	#status: HTMLElement | null = null;
	#score: HTMLElement | null = null;
	#results: HTMLElement | null = null;
	#submit: HTMLButtonElement | null = null;
	#retry: HTMLButtonElement | null = null;

	connectedCallback(): void {
		const form = this.querySelector('form');
		if (!form || this.#questions.length > 0) return;
		this.#status = this.querySelector('[data-status]');
		this.#score = this.querySelector('[data-score]');
		this.#results = this.querySelector('[data-results]');
		this.#submit = this.querySelector('[data-submit]');
		this.#retry = this.querySelector('[data-retry]');
		this.#questions = [...this.querySelectorAll<HTMLFieldSetElement>('fieldset[data-question-id]')].map(
			(fieldset, index) => ({
				id: fieldset.dataset.questionId ?? '',
				fieldset,
				number: index + 1,
				inputs: [...fieldset.querySelectorAll('input')],
				correctKeys: [...fieldset.querySelectorAll<HTMLElement>('[data-correct="true"]')].map(
					(option) => option.dataset.key ?? '',
				),
			}),
		);
		this.querySelector<HTMLElement>('[data-actions]')?.removeAttribute('hidden');
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			this.#check();
		});
		form.addEventListener('keydown', (event) => this.#moveBetweenCheckboxes(event));
		form.addEventListener('change', (event) => {
			(event.target as HTMLElement).closest('fieldset')?.removeAttribute('data-unanswered');
		});
		this.#retry?.addEventListener('click', () => this.#startOver());
		this.#restore();
	}

	get quizId(): string {
		return this.dataset.quizId ?? '';
	}

	#answers(): QuizAnswers {
		const answers: Record<string, string[]> = {};
		for (const question of this.#questions) {
			answers[question.id] = question.inputs.filter((input) => input.checked).map((input) => input.value);
		}
		return answers;
	}

	#check(): void {
		const answers = this.#answers();
		const missing = unansweredQuestionIds(this.#questions, answers);
		if (missing.length > 0) {
			const missingViews = this.#questions.filter((question) => missing.includes(question.id));
			for (const question of missingViews) question.fieldset.setAttribute('data-unanswered', '');
			this.#announce(
				`Please answer every question before checking: ${listNumbers(missingViews.map((question) => question.number))} still need an answer.`,
			);
			missingViews[0]?.inputs[0]?.focus();
			return;
		}
		const result = scoreQuiz(this.#questions, answers);
		const saved = browserProgressStore().saveQuiz(this.quizId, {
			answers,
			score: result.score,
			maxScore: result.maxScore,
		});
		this.#showResult(answers, saved);
		this.#announce(
			`You scored ${result.score} out of ${result.maxScore} (${percent(result.score, result.maxScore)} %). Each option now shows whether it was right, with an explanation.`,
		);
		this.#retry?.focus();
	}

	#showResult(answers: QuizAnswers, saved: QuizProgress): void {
		this.dataset.state = 'submitted';
		for (const question of this.#questions) {
			const chosen = answers[question.id] ?? [];
			const { correct } = scoreQuiz([question], answers);
			for (const input of question.inputs) {
				input.checked = chosen.includes(input.value);
				input.disabled = true;
				const option = input.closest<HTMLElement>('[data-key]');
				const mark = option?.querySelector('[data-mark]');
				const isCorrect = question.correctKeys.includes(input.value);
				const result = input.checked ? (isCorrect ? 'right' : 'wrong') : isCorrect ? 'missed' : '';
				if (option) option.dataset.result = result;
				if (mark)
					mark.textContent = {
						right: 'Your answer: correct',
						wrong: 'Your answer: wrong',
						missed: 'Correct answer',
						'': '',
					}[result];
			}
			// Explanations open where the learner went wrong; where they were right, one click away.
			for (const details of question.fieldset.querySelectorAll('details')) details.open = !correct[question.id];
			const link = this.querySelector<HTMLElement>(`[data-summary-for="${question.id}"]`);
			if (link) {
				link.dataset.result = correct[question.id] ? 'right' : 'wrong';
				setText(link, '[data-summary-mark]', correct[question.id] ? '✓' : '✗');
				setText(link, '[data-summary-word]', correct[question.id] ? ': correct' : ': wrong');
			}
			const verdict = question.fieldset.querySelector<HTMLElement>('[data-verdict]');
			if (verdict) {
				const plural = question.correctKeys.length > 1;
				verdict.textContent = correct[question.id]
					? 'Correct.'
					: `Not quite. The correct ${plural ? 'answers are' : 'answer is'} ${listKeys(question.correctKeys)}.`;
				verdict.hidden = false;
			}
		}
		if (this.#submit) this.#submit.hidden = true;
		if (this.#retry) this.#retry.hidden = false;
		if (this.#score) {
			const tries = saved.attempts === 1 ? '1 attempt' : `${saved.attempts} attempts`;
			const score = percent(saved.score, saved.maxScore);
			const mark = Number(this.dataset.passPercent);
			this.#score.textContent = `Your score: ${saved.score} out of ${saved.maxScore}, ${score} % (${tries}). ${score >= mark ? 'At or above' : 'Below'} the ${mark} % quiz average that counts towards completing the course.`;
		}
		if (this.#results) this.#results.hidden = false;
	}

	#startOver(): void {
		delete this.dataset.state;
		for (const question of this.#questions) {
			for (const input of question.inputs) {
				input.checked = false;
				input.disabled = false;
				const option = input.closest<HTMLElement>('[data-key]');
				if (option) delete option.dataset.result;
				const mark = option?.querySelector('[data-mark]');
				if (mark) mark.textContent = '';
			}
			for (const details of question.fieldset.querySelectorAll('details')) details.open = false;
			const verdict = question.fieldset.querySelector<HTMLElement>('[data-verdict]');
			if (verdict) verdict.hidden = true;
		}
		if (this.#submit) this.#submit.hidden = false;
		if (this.#retry) this.#retry.hidden = true;
		if (this.#results) this.#results.hidden = true;
		this.#announce('Answers cleared. Your last score is kept until you check again.');
		this.#questions[0]?.inputs[0]?.focus();
	}

	/** Shows the last saved submission, if it still fits this quiz (a bank edit may have changed it). */
	#restore(): void {
		const saved = browserProgressStore().get().quizzes[this.quizId];
		if (!saved) return;
		const fits = this.#questions.every((question) => {
			const keys = saved.answers[question.id];
			return keys?.every((key) => question.inputs.some((input) => input.value === key)) ?? false;
		});
		if (fits && saved.maxScore === this.#questions.length) this.#showResult(saved.answers, saved);
	}

	/** Radio buttons already move with the arrow keys; give checkboxes in a question the same feel. */
	#moveBetweenCheckboxes(event: KeyboardEvent): void {
		const target = event.target;
		if (!(target instanceof HTMLInputElement) || target.type !== 'checkbox') return;
		const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
		if (step === undefined) return;
		const boxes = [...(target.closest('fieldset')?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? [])];
		const next = boxes[(boxes.indexOf(target) + step + boxes.length) % boxes.length];
		if (next) {
			event.preventDefault();
			next.focus();
		}
	}

	/** Clearing first makes screen readers announce the message even when it repeats the last one. */
	#announce(message: string): void {
		const status = this.#status;
		if (!status) return;
		status.textContent = '';
		window.setTimeout(() => {
			status.textContent = message;
		}, 100);
	}
}

if (!customElements.get('sre-quiz')) customElements.define('sre-quiz', SreQuiz);
