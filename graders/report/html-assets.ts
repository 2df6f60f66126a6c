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
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; }
p.meta { color: var(--muted); margin: 0 0 1rem; }
.summary { font-size: 1.1rem; }
.table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: .5rem .75rem; }
th, td { padding: .35rem .75rem; border-top: 1px solid var(--line); text-align: left; vertical-align: top; white-space: nowrap; }
thead th { background: var(--track); border-top: 0; }
th button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
.sort-icon::after { content: " ↕"; color: var(--muted); }
th[aria-sort="ascending"] .sort-icon::after { content: " ↑"; color: inherit; }
th[aria-sort="descending"] .sort-icon::after { content: " ↓"; color: inherit; }
th button:focus-visible { outline: 2px solid var(--fill); outline-offset: 2px; }
td.num { text-align: right; }
.pass { color: var(--pass); font-weight: 600; }
.fail { color: var(--fail); font-weight: 600; }
.error { color: var(--error); font-weight: 600; }
.none { color: var(--muted); }
.small { color: var(--muted); font-size: .85em; }
.missing { display: block; white-space: normal; min-width: 14rem; max-width: 24rem; }
ul.bars { list-style: none; padding: 0; margin: 0; max-width: 48rem; }
ul.bars li { display: grid; grid-template-columns: 16rem minmax(6rem, 1fr) 17rem; gap: .75rem; align-items: center; margin: .35rem 0; }
.track { display: block; height: 1rem; background: var(--track); border-radius: 3px; overflow: hidden; }
.fill { display: block; height: 100%; background: var(--fill); }
.track.small-bar { height: .6rem; min-width: 6rem; }
.fill.fail-fill { background: var(--fail); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print { .table-wrap { overflow: visible; border: 0; } .sort-icon { display: none; } }
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
