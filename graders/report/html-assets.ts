/**
 * The report's CSS and script, inlined so the HTML file is self-contained: it can be mailed, put on a
 * shared drive or opened offline, and loads nothing from anywhere.
 */
export const reportStyles = `
:root { color-scheme: light dark; --fg: #1b1f24; --bg: #ffffff; --muted: #57606a; --line: #d0d7de;
	--pass: #1a7f37; --fail: #b3261e; --error: #7a5900; --track: #eaeef2; --fill: #0969da; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9da7b3; --line: #30363d;
	--pass: #3fb950; --fail: #ff7b72; --error: #d29922; --track: #21262d; --fill: #58a6ff; } }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 80rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .25rem; }
p.meta { color: var(--muted); margin: 0 0 1rem; }
.summary { font-size: 1.1rem; }
dl.figures { display: flex; flex-wrap: wrap; gap: .75rem; margin: 0 0 1rem; }
dl.figures > div { flex: 1 1 10rem; border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; }
dl.figures dt { color: var(--muted); }
dl.figures dd { margin: 0; }
.figure { font-size: 1.6rem; font-weight: 700; }
.filter { margin: .5rem 0; }
.filter input { width: 1.1rem; height: 1.1rem; vertical-align: -.15rem; accent-color: var(--fill); }
/* position: relative keeps visually hidden text inside the scroll box from widening the page. */
.table-wrap { position: relative; overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; max-width: 100%; }
.table-wrap:focus-visible { outline: 2px solid var(--fill); outline-offset: 2px; }
table { border-collapse: separate; border-spacing: 0; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: .5rem .75rem; }
th, td { padding: .35rem .75rem; border-top: 1px solid var(--line); text-align: left; vertical-align: top; white-space: nowrap; }
thead th { background: var(--track); border-top: 0; position: relative; }
/* The learner column stays in view while the table scrolls sideways. */
#learners th:first-child { position: sticky; left: 0; z-index: 1; background: var(--bg); border-right: 1px solid var(--line); white-space: normal; min-width: 10rem; max-width: 16rem; overflow-wrap: anywhere; }
#learners thead th:first-child { background: var(--track); z-index: 2; }
th button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: left; }
.sort-icon::after { content: " ↕"; color: var(--muted); }
th[aria-sort="ascending"] .sort-icon::after { content: " ↑"; color: inherit; }
th[aria-sort="descending"] .sort-icon::after { content: " ↓"; color: inherit; }
th button:focus-visible { outline: 2px solid var(--fill); outline-offset: 2px; }
/* A short header's full name: hidden until hovered or focused, then a tip under the header. */
.tip { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
th button:hover .tip, th button:focus-visible .tip { clip: auto; width: auto; height: auto; overflow: visible; z-index: 3;
	top: 100%; left: 0; padding: .25rem .5rem; background: var(--fg); color: var(--bg); border-radius: 4px; font-weight: 400; white-space: normal; min-width: 12rem; }
td.num { text-align: right; }
td.wrap { white-space: normal; min-width: 12rem; }
.line { display: block; }
.pass { color: var(--pass); font-weight: 600; }
.fail { color: var(--fail); font-weight: 600; }
.error { color: var(--error); font-weight: 600; }
.risk { display: block; color: var(--error); font-weight: 600; }
.none { color: var(--muted); }
.small { color: var(--muted); font-size: .85em; }
.missing { display: block; white-space: normal; min-width: 12rem; max-width: 18rem; }
details { text-align: left; }
summary { cursor: pointer; color: var(--muted); font-size: .85em; }
summary:focus-visible { outline: 2px solid var(--fill); outline-offset: 2px; }
.quiz-list { margin: .25rem 0 0; padding-left: 1rem; font-size: .85em; }
section.cause ul { padding-left: 1.25rem; }
.message { overflow-wrap: anywhere; }
ul.bars { list-style: none; padding: 0; margin: 0; max-width: 48rem; }
ul.bars li { display: grid; grid-template-columns: minmax(0, 16rem) minmax(4rem, 1fr) minmax(0, 17rem); gap: .75rem; align-items: center; margin: .35rem 0; }
.track { display: block; height: 1rem; background: var(--track); border-radius: 3px; overflow: hidden; }
.fill { display: block; height: 100%; background: var(--fill); }
.track.small-bar { display: inline-block; vertical-align: middle; height: .6rem; width: 5rem; }
.fill.fail-fill { background: var(--fail); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
/* A phone: the bar chart stacks label, bar and figures; main keeps a small margin. */
@media (max-width: 40rem) {
	main { padding: 1rem .75rem; }
	ul.bars li { grid-template-columns: minmax(0, 1fr); gap: .15rem; margin: .75rem 0; }
	#learners th:first-child { min-width: 8rem; max-width: 10rem; }
}
@media print { .table-wrap { overflow: visible; border: 0; } .sort-icon, .filter { display: none; } #learners th:first-child { position: static; } }
`;

/**
 * Sorts a table when a column header's button is pressed: by each cell's data-sort value (or its
 * text), numbers as numbers, and says what it did through a polite live region.
 */
export const sortScript = `
(() => {
	const status = document.getElementById('sort-status');
	for (const table of document.querySelectorAll('table[data-sortable]')) {
		const headers = [...table.tHead.rows[0].cells];
		headers.forEach((header, index) => {
			const button = header.querySelector('button');
			if (!button) return;
			button.addEventListener('click', () => {
				const ascending = header.getAttribute('aria-sort') !== 'ascending';
				for (const other of headers) other.removeAttribute('aria-sort');
				header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
				const numeric = header.dataset.type === 'number';
				const valueOf = (row) => {
					const cell = row.cells[index];
					const raw = cell.dataset.sort ?? cell.textContent.trim();
					return numeric ? (raw === '' ? -Infinity : Number(raw)) : raw;
				};
				const body = table.tBodies[0];
				const rows = [...body.rows].sort((a, b) => {
					const x = valueOf(a);
					const y = valueOf(b);
					const order = numeric ? (x === y ? 0 : x < y ? -1 : 1) : String(x).localeCompare(String(y), undefined, { numeric: true, sensitivity: 'base' });
					return ascending ? order : -order;
				});
				body.append(...rows);
				if (status) status.textContent = table.caption.textContent + ': sorted by ' + button.textContent.trim() + ', ' + (ascending ? 'ascending' : 'descending') + '.';
			});
		});
	}
})();
`;

/**
 * "Incomplete only": shows just the learners still missing something. The checkbox is in the page
 * hidden and only revealed here, so without script nobody sees a control that does nothing.
 */
export const filterScript = `
(() => {
	const box = document.getElementById('incomplete-only');
	const table = document.getElementById('learners');
	const status = document.getElementById('filter-status');
	if (!box || !table) return;
	box.closest('.filter').hidden = false;
	box.addEventListener('change', () => {
		const rows = [...table.tBodies[0].rows];
		for (const row of rows) row.hidden = box.checked && row.dataset.complete === 'true';
		const shown = rows.filter((row) => !row.hidden).length;
		if (status) status.textContent = 'Showing ' + shown + ' of ' + rows.length + ' learners' + (box.checked ? ', incomplete only.' : '.');
	});
})();
`;
