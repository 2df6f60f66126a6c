import { groupByCause } from '../cohort/account-error-causes.ts';
import type { CheckStruggle } from '../gradebook/completion-data.ts';
import type { CouldNotGradeEntry } from '../gradebook/could-not-grade.ts';
import type { CompletionMatrix, LabCell, MatrixRow } from './completion-matrix.ts';
import { filterScript, reportStyles, sortScript } from './html-assets.ts';
import { escapeHtml } from './html-escape.ts';
import { dayOf } from './render-csv.ts';

interface Column {
	label: string;
	/** The full name, for a short label: shown on hover and focus, and part of the button's name. */
	full?: string;
	numeric: boolean;
}

// The arrow is decoration drawn by CSS inside an aria-hidden span, so it never becomes part of the
// button's accessible name; the sort order itself is announced through aria-sort. A short label's
// full name sits in a tip that is visually hidden until the button is hovered or focused, so screen
// readers, keyboard and mouse users all get it.
function headerCell(column: Column): string {
	const tip = column.full
		? `<span class="tip"><span class="visually-hidden">: </span>${escapeHtml(column.full)}</span>`
		: '';
	return `<th scope="col"${column.numeric ? ' data-type="number"' : ''}><button type="button">${escapeHtml(column.label)}${tip}<span class="sort-icon" aria-hidden="true"></span></button></th>`;
}

function cell(content: string, sortValue: string | number | null, numeric = false): string {
	const sort = sortValue === null ? '' : ` data-sort="${escapeHtml(sortValue)}"`;
	return `<td${numeric ? ' class="num"' : ''}${sort}>${content}</td>`;
}

/** "lab1" → "Lab 1": the short header that keeps every lab column in view at 1280 px. */
export function shortLabLabel(id: string): string {
	const numbered = /^lab[-_ ]?(\d+)$/i.exec(id);
	return numbered ? `Lab ${numbered[1]}` : id;
}

// Sorting a lab column puts passes first-to-last by date; the rank keeps statuses grouped.
const statusRank: Record<LabCell['status'], number> = { pass: 3, fail: 2, error: 1, 'not-attempted': 0 };

function labCellHtml(labCell: LabCell | undefined): string {
	if (!labCell || labCell.status === 'not-attempted') return cell('<span class="none">not attempted</span>', 0);
	// An account that could not be read at all has no score worth showing; a partial read does.
	const score =
		labCell.bestScore === null || (labCell.status === 'error' && labCell.bestScore === 0)
			? ''
			: `${escapeHtml(labCell.bestScore)}/${escapeHtml(labCell.maxScore)}`;
	const sort = `${statusRank[labCell.status]}-${labCell.firstPassedAt ?? labCell.lastAttemptAt ?? ''}`;
	if (labCell.status === 'pass') {
		return cell(
			`<span class="pass">passed</span><span class="small line">${escapeHtml(dayOf(labCell.firstPassedAt))} ${score}</span>`,
			sort,
		);
	}
	const label = labCell.status === 'fail' ? 'not yet' : 'could not grade';
	return cell(
		`<span class="${labCell.status}">${label}</span>${score ? `<span class="small line">${score}</span>` : ''}`,
		sort,
	);
}

/** Quizzes summarised in one column (average and how many taken); the per-quiz detail opens on demand. */
function quizzesCellHtml(matrix: CompletionMatrix, row: MatrixRow): string {
	if (matrix.quizzes.length === 0) return cell('<span class="none">—</span>', null, true);
	const taken = matrix.quizzes.filter((quiz) => row.quizzes[quiz]?.percent !== null && row.quizzes[quiz] !== undefined);
	const average =
		row.quizAveragePercent === null ? '<span class="none">—</span>' : `${escapeHtml(row.quizAveragePercent)} %`;
	const items = matrix.quizzes.map((quiz) => {
		const result = row.quizzes[quiz];
		return result && result.percent !== null
			? `<li>${escapeHtml(quiz)}: ${escapeHtml(result.percent)} % <span class="small">${escapeHtml(dayOf(result.completedAt))}</span></li>`
			: `<li>${escapeHtml(quiz)}: <span class="none">not taken</span></li>`;
	});
	const details = `<details><summary>${taken.length} of ${matrix.quizzes.length} taken<span class="visually-hidden"> by ${escapeHtml(row.name)}</span></summary><ul class="quiz-list">${items.join('')}</ul></details>`;
	return `<td class="num" data-sort="${escapeHtml(row.quizAveragePercent ?? '')}">${average}${details}</td>`;
}

function completionCellHtml(matrix: CompletionMatrix, row: MatrixRow): string {
	if (row.complete) return cell('<span class="pass">✓ complete</span>', 2);
	const risk = row.atRisk
		? `<span class="risk">⚠ at risk</span><span class="small line">${row.lastProgressAt ? `no progress since ${escapeHtml(dayOf(row.lastProgressAt))}` : 'no progress yet'} (over ${matrix.atRiskDays} days)</span>`
		: '';
	return cell(
		`<span class="fail">✗ incomplete</span>${risk}<span class="small missing">${escapeHtml(row.missing.join('; '))}</span>`,
		row.atRisk ? 0 : 1,
	);
}

function learnerRowHtml(matrix: CompletionMatrix, row: MatrixRow, showCohort: boolean): string {
	const cells = [
		`<th scope="row" data-sort="${escapeHtml(row.name)}">${escapeHtml(row.name)}<span class="small line">${escapeHtml(row.email)}</span><span class="small line">id ${escapeHtml(row.learnerId)}</span></th>`,
		...(showCohort ? [cell(escapeHtml(row.cohort), null)] : []),
		completionCellHtml(matrix, row),
		...matrix.labs.map((lab) => labCellHtml(row.labs[lab.id])),
		quizzesCellHtml(matrix, row),
	];
	return `<tr data-complete="${row.complete}">${cells.join('')}</tr>`;
}

function learnersTable(matrix: CompletionMatrix): string {
	const showCohort = new Set(matrix.rows.map((row) => row.cohort)).size > 1 || matrix.cohort === null;
	const columns: Column[] = [
		{ label: 'Learner', numeric: false },
		...(showCohort ? [{ label: 'Cohort', numeric: false }] : []),
		{ label: 'Completion', numeric: false },
		...matrix.labs.map((lab) => ({
			label: shortLabLabel(lab.id),
			full: lab.id === lab.title ? undefined : lab.title,
			numeric: false,
		})),
		{ label: 'Quiz average', numeric: true },
	];
	// The learner header is a <th scope="row"> cell, but it sorts like text.
	return `<p class="filter" hidden><label><input type="checkbox" id="incomplete-only"> Incomplete only</label></p>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="learners-caption">
<table data-sortable id="learners">
<caption id="learners-caption">Learners (${matrix.rows.length})</caption>
<thead><tr>${columns.map(headerCell).join('')}</tr></thead>
<tbody>
${matrix.rows.map((row) => learnerRowHtml(matrix, row, showCohort)).join('\n')}
</tbody>
</table>
</div>`;
}

function percentOf(part: number, whole: number): number {
	return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

function summaryFigures(matrix: CompletionMatrix): string {
	const couldNot = new Set(matrix.couldNotGrade.map((entry) => `${entry.cohort}/${entry.learnerId}`)).size;
	const figure = (value: string, label: string, note: string) =>
		`<div><dt>${label}</dt><dd><span class="figure">${value}</span><span class="small line">${note}</span></dd></div>`;
	return `<dl class="figures">
${figure(`${escapeHtml(matrix.completionPercent)} %`, 'Completion', `${matrix.completeCount} of ${matrix.rows.length} learners complete`)}
${figure(matrix.averageQuizPercent === null ? '—' : `${escapeHtml(matrix.averageQuizPercent)} %`, 'Average quiz score', 'mean of the learners’ quiz averages')}
${figure(String(matrix.atRiskCount), 'Learners at risk', `incomplete, no progress for ${matrix.atRiskDays} days`)}
${figure(String(couldNot), 'Could not grade', couldNot === 0 ? 'every account was read' : 'learners; see the causes below')}
</dl>`;
}

function labChart(matrix: CompletionMatrix): string {
	if (matrix.labCompletion.length === 0) return '<p>No lab has been graded yet.</p>';
	const items = matrix.labCompletion.map((lab) => {
		const share = percentOf(lab.passed, lab.learners);
		return `<li><span>${escapeHtml(lab.lab)}: ${escapeHtml(lab.title)}</span><span class="track" aria-hidden="true"><span class="fill" style="width: ${share}%"></span></span><span>${lab.passed} of ${lab.learners} passed (${share} %)${lab.attempted > lab.passed ? `, ${lab.attempted - lab.passed} still working` : ''}</span></li>`;
	});
	return `<figure>
<figcaption class="visually-hidden">Share of learners who have passed each lab</figcaption>
<ul class="bars">
${items.join('\n')}
</ul>
</figure>`;
}

/** Checks that someone did not pass, most failures first; checks nobody is stuck on are only counted. */
export function struggleRows(struggles: readonly CheckStruggle[]): { shown: CheckStruggle[]; hidden: number } {
	const shown = struggles
		.filter((struggle) => struggle.failed > 0 || struggle.errored > 0)
		.sort(
			(a, b) =>
				b.failed - a.failed ||
				b.errored - a.errored ||
				a.lab.localeCompare(b.lab, undefined, { numeric: true }) ||
				a.step - b.step,
		);
	return { shown, hidden: struggles.length - shown.length };
}

function strugglesTable(matrix: CompletionMatrix): string {
	if (matrix.checkStruggles.length === 0) return '<p>No check results yet.</p>';
	const { shown, hidden } = struggleRows(matrix.checkStruggles);
	const hiddenNote =
		hidden === 0
			? ''
			: `<p class="small">${hidden} check${hidden === 1 ? '' : 's'} that every graded learner passed ${hidden === 1 ? 'is' : 'are'} not listed.</p>`;
	if (shown.length === 0) return `<p>Every graded learner passed every check in their latest attempt.</p>${hiddenNote}`;
	const row = (struggle: CheckStruggle) => {
		const share = percentOf(struggle.failed, struggle.attempted);
		return `<tr><th scope="row" data-sort="${escapeHtml(struggle.lab)}-${String(struggle.step).padStart(3, '0')}">${escapeHtml(shortLabLabel(struggle.lab))}, step ${escapeHtml(struggle.step)}</th><td class="wrap">${escapeHtml(struggle.title)} <span class="small">${escapeHtml(struggle.checkId)}</span></td>${cell(`${struggle.failed} <span class="track small-bar" aria-hidden="true"><span class="fill fail-fill" style="width: ${share}%"></span></span>`, struggle.failed, true)}${cell(String(struggle.errored), struggle.errored, true)}${cell(String(struggle.attempted), struggle.attempted, true)}</tr>`;
	};
	return `<div class="table-wrap" tabindex="0" role="region" aria-labelledby="struggles-caption">
<table data-sortable>
<caption id="struggles-caption">Checks not passed in each learner's latest attempt, most failures first</caption>
<thead><tr>${[
		{ label: 'Step', numeric: false },
		{ label: 'Check', numeric: false },
		{ label: 'Failed', numeric: true },
		{ label: 'Could not grade', numeric: true },
		{ label: 'Learners graded', numeric: true },
	]
		.map(headerCell)
		.join('')}</tr></thead>
<tbody>
${shown.map(row).join('\n')}
</tbody>
</table>
</div>
${hiddenNote}`;
}

/** Accounts that could not be graded, grouped by cause with the fix: the grader's trouble, not the learner's. */
function couldNotGradeSection(entries: readonly CouldNotGradeEntry[]): string {
	if (entries.length === 0) return '<p>Every attempt was graded.</p>';
	return groupByCause(entries, (entry) => entry)
		.map((group, index) => {
			const items = group.items.map(
				(entry) =>
					`<li>${escapeHtml(entry.name)} <span class="small">(${escapeHtml(entry.learnerId)}, ${escapeHtml(shortLabLabel(entry.lab))}, ${escapeHtml(dayOf(entry.observedAt))})</span><span class="small line message">${escapeHtml(entry.message ?? '')}</span></li>`,
			);
			return `<section class="cause" aria-labelledby="cause-${index}">
<h3 id="cause-${index}">${escapeHtml(group.advice.title)} <span class="small">(${group.items.length})</span></h3>
<p><strong>Fix:</strong> ${escapeHtml(group.advice.fix)}</p>
<ul>${items.join('')}</ul>
</section>`;
		})
		.join('\n');
}

/**
 * One self-contained HTML file: summary figures, completion per lab as a bar chart, the learners as
 * a sortable, filterable table, per-check failure counts showing where the cohort struggles, and the
 * attempts that could not be graded grouped by cause.
 */
export function renderCompletionHtml(matrix: CompletionMatrix): string {
	const title = matrix.cohort ? `Completion report: ${matrix.cohort}` : 'Completion report: all cohorts';
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${reportStyles}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p class="meta">SRE Foundations on AWS · generated ${escapeHtml(matrix.generatedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'))} · completion rule: ${escapeHtml(matrix.ruleText)}</p>
<h2 class="visually-hidden">Summary</h2>
${summaryFigures(matrix)}
<p class="summary"><strong>${matrix.completeCount} of ${matrix.rows.length}</strong> learners have completed the course.</p>
<h2>Completion per lab</h2>
${labChart(matrix)}
<h2>Learners</h2>
<p class="small">Press a column heading to sort by it. Lab cells show the date of the first pass and the best score.</p>
${learnersTable(matrix)}
<p id="filter-status" class="visually-hidden" aria-live="polite"></p>
<h2>Where the cohort struggles</h2>
${strugglesTable(matrix)}
<h2>Could not grade</h2>
${couldNotGradeSection(matrix.couldNotGrade)}
<p id="sort-status" class="visually-hidden" aria-live="polite"></p>
</main>
<script>${sortScript}${filterScript}</script>
</body>
</html>
`;
}
