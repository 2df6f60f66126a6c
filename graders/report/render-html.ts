import type { CheckStruggle } from '../gradebook/completion-data.ts';
import type { CompletionMatrix, LabCell, MatrixRow, QuizCell } from './completion-matrix.ts';
import { reportStyles, sortScript } from './html-assets.ts';
import { escapeHtml } from './html-escape.ts';
import { dayOf } from './render-csv.ts';

interface Column {
	label: string;
	numeric: boolean;
}

// The arrow is decoration drawn by CSS inside an aria-hidden span, so it never becomes part of the
// button's accessible name; the sort order itself is announced through aria-sort.
function headerCell(column: Column): string {
	return `<th scope="col"${column.numeric ? ' data-type="number"' : ''}><button type="button">${escapeHtml(column.label)}<span class="sort-icon" aria-hidden="true"></span></button></th>`;
}

function cell(content: string, sortValue: string | number | null, numeric = false): string {
	const sort = sortValue === null ? '' : ` data-sort="${escapeHtml(sortValue)}"`;
	return `<td${numeric ? ' class="num"' : ''}${sort}>${content}</td>`;
}

// Sorting a lab column puts passes first-to-last by date; the rank keeps statuses grouped.
const statusRank: Record<LabCell['status'], number> = { pass: 3, fail: 2, error: 1, 'not-attempted': 0 };

function labCellHtml(labCell: LabCell | undefined): string {
	if (!labCell || labCell.status === 'not-attempted') return cell('<span class="none">not attempted</span>', 0);
	// An account that could not be read at all has no score worth showing; a partial read does.
	const score =
		labCell.bestScore === null || (labCell.status === 'error' && labCell.bestScore === 0)
			? ''
			: ` <span class="small">${escapeHtml(labCell.bestScore)}/${escapeHtml(labCell.maxScore)}</span>`;
	const sort = `${statusRank[labCell.status]}-${labCell.firstPassedAt ?? labCell.lastAttemptAt ?? ''}`;
	if (labCell.status === 'pass') {
		return cell(`<span class="pass">passed</span> ${escapeHtml(dayOf(labCell.firstPassedAt))}${score}`, sort);
	}
	const label = labCell.status === 'fail' ? 'not yet' : 'could not grade';
	return cell(`<span class="${labCell.status}">${label}</span>${score}`, sort);
}

function quizCellHtml(quizCell: QuizCell | undefined): string {
	if (!quizCell || quizCell.percent === null) return cell('<span class="none">not taken</span>', null, true);
	return cell(
		`${escapeHtml(quizCell.percent)} % <span class="small">${escapeHtml(dayOf(quizCell.completedAt))}</span>`,
		quizCell.percent,
		true,
	);
}

function learnerRowHtml(matrix: CompletionMatrix, row: MatrixRow, showCohort: boolean): string {
	const cells = [
		`<th scope="row" data-sort="${escapeHtml(row.name)}">${escapeHtml(row.name)}<br><span class="small">${escapeHtml(row.email)}</span></th>`,
		cell(escapeHtml(row.learnerId), null),
		...(showCohort ? [cell(escapeHtml(row.cohort), null)] : []),
		cell(
			row.complete
				? '<span class="pass">complete</span>'
				: `<span class="fail">incomplete</span><span class="small missing">${escapeHtml(row.missing.join('; '))}</span>`,
			row.complete ? 1 : 0,
		),
		...matrix.labs.map((lab) => labCellHtml(row.labs[lab.id])),
		...matrix.quizzes.map((quiz) => quizCellHtml(row.quizzes[quiz])),
		row.quizAveragePercent === null
			? cell('<span class="none">—</span>', null, true)
			: cell(`${escapeHtml(row.quizAveragePercent)} %`, row.quizAveragePercent, true),
	];
	return `<tr>${cells.join('')}</tr>`;
}

function learnersTable(matrix: CompletionMatrix): string {
	const showCohort = new Set(matrix.rows.map((row) => row.cohort)).size > 1 || matrix.cohort === null;
	const columns: Column[] = [
		{ label: 'Learner', numeric: false },
		{ label: 'Id', numeric: false },
		...(showCohort ? [{ label: 'Cohort', numeric: false }] : []),
		{ label: 'Completion', numeric: false },
		...matrix.labs.map((lab) => ({ label: lab.id === lab.title ? lab.id : `${lab.id}: ${lab.title}`, numeric: false })),
		...matrix.quizzes.map((quiz) => ({ label: `Quiz ${quiz}`, numeric: true })),
		{ label: 'Quiz average', numeric: true },
	];
	// The learner header is a <th scope="row"> cell, but it sorts like text.
	return `<div class="table-wrap" tabindex="0" role="region" aria-labelledby="learners-caption">
<table data-sortable>
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

function strugglesTable(matrix: CompletionMatrix): string {
	if (matrix.checkStruggles.length === 0) return '<p>No check results yet.</p>';
	const titleOf = new Map(matrix.labs.map((lab) => [lab.id, lab.title]));
	const row = (struggle: CheckStruggle) => {
		const share = percentOf(struggle.failed, struggle.attempted);
		return `<tr><th scope="row" data-sort="${escapeHtml(struggle.lab)}-${String(struggle.step).padStart(3, '0')}">${escapeHtml(struggle.lab)}, step ${escapeHtml(struggle.step)}</th>${cell(`${escapeHtml(struggle.title)} <span class="small">${escapeHtml(struggle.checkId)}</span>`, null)}${cell(`${struggle.failed} <span class="track small-bar" aria-hidden="true" style="display:inline-block;vertical-align:middle"><span class="fill fail-fill" style="width: ${share}%"></span></span>`, struggle.failed, true)}${cell(String(struggle.errored), struggle.errored, true)}${cell(String(struggle.attempted), struggle.attempted, true)}</tr>`;
	};
	const labsShown = [...new Set(matrix.checkStruggles.map((struggle) => struggle.lab))]
		.map((lab) => `${lab}: ${titleOf.get(lab) ?? lab}`)
		.join('; ');
	return `<div class="table-wrap" tabindex="0" role="region" aria-labelledby="struggles-caption">
<table data-sortable>
<caption id="struggles-caption">Checks not passed in each learner's latest attempt <span class="small">(${escapeHtml(labsShown)})</span></caption>
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
${matrix.checkStruggles.map(row).join('\n')}
</tbody>
</table>
</div>`;
}

/**
 * One self-contained HTML file: the completion matrix as a sortable, accessible table, completion
 * per lab as a bar chart, and per-check failure counts showing where the cohort struggles.
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
<p class="summary"><strong>${matrix.completeCount} of ${matrix.rows.length}</strong> learners have completed the course.</p>
<h2>Completion per lab</h2>
${labChart(matrix)}
<h2>Learners</h2>
<p class="small">Press a column heading to sort by it. Lab cells show the date of the first pass and the best score.</p>
${learnersTable(matrix)}
<h2>Where the cohort struggles</h2>
${strugglesTable(matrix)}
<p id="sort-status" class="visually-hidden" aria-live="polite"></p>
</main>
<script>${sortScript}</script>
</body>
</html>
`;
}
