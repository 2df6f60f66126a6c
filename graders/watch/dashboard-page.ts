import { escapeHtml } from '../report/html-escape.ts';

/**
 * The live dashboard: one HTML page, its CSS and script inline (no framework, no build step). The
 * server sends the whole view as JSON over Server-Sent Events; the script draws it with DOM calls
 * (textContent only), so nothing a learner typed can ever become markup. EventSource reconnects by
 * itself after a network blip; the page says "Reconnecting…" meanwhile.
 */
const styles = `
:root { color-scheme: light dark; --fg: #111418; --bg: #ffffff; --muted: #4b5563; --line: #c9d1d9; --head: #eef1f4;
	--pass: #116329; --fail: #a40e26; --error: #7a4d00; --skip: #4b5563; --stuck: #a40e26; --focus: #0550ae; --stuck-bg: #fff0f0; }
@media (prefers-color-scheme: dark) { :root { --fg: #f0f3f6; --bg: #0a0c10; --muted: #b8c0ca; --line: #3d444d; --head: #1c2128;
	--pass: #56d364; --fail: #ff8e8e; --error: #e3b341; --skip: #b8c0ca; --stuck: #ff8e8e; --focus: #71b7ff; --stuck-bg: #2d1215; } }
* { box-sizing: border-box; }
/* Large type and strong contrast: the page is read from the back of a room on a projector. */
body { margin: 0; font: 18px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
main { padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: 0; }
h2 { font-size: 1.25rem; margin: 1.75rem 0 .5rem; }
button { font: inherit; color: inherit; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
#connection { font-weight: 600; }
#connection[data-state="live"]::before { content: "● "; color: var(--pass); }
#connection[data-state="reconnecting"] { color: var(--error); }
#connection[data-state="reconnecting"]::before { content: "↻ "; }
.figures { display: flex; flex-wrap: wrap; gap: .75rem; margin: .75rem 0; padding: 0; list-style: none; }
.figures li { border: 1px solid var(--line); border-radius: 6px; padding: .35rem .8rem; }
.figures strong { font-size: 1.4rem; }
.legend { display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; margin: .5rem 0; list-style: none; color: var(--muted); }
.grid-wrap { overflow: auto; max-height: 75vh; border: 1px solid var(--line); border-radius: 6px; position: relative; }
table { border-collapse: separate; border-spacing: 0; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: .4rem .6rem; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .5rem; text-align: left; white-space: nowrap; }
thead th { position: sticky; top: 0; background: var(--head); z-index: 2; vertical-align: bottom; }
tbody th { position: sticky; left: 0; background: var(--bg); z-index: 1; }
thead th:first-child { left: 0; z-index: 3; }
th button { background: none; border: 0; padding: 0; font-weight: 700; cursor: pointer; text-align: left; }
.sort-icon::after { content: " ↕"; color: var(--muted); }
th[aria-sort="ascending"] .sort-icon::after { content: " ↑"; color: inherit; }
th[aria-sort="descending"] .sort-icon::after { content: " ↓"; color: inherit; }
th.check { font-weight: 600; font-size: .85rem; text-align: center; }
td.cell { text-align: center; font-weight: 700; min-width: 2.4rem; }
.s-pass { color: var(--pass); } .s-fail { color: var(--fail); } .s-error { color: var(--error); }
.s-skipped, .s-not-yet { color: var(--skip); }
tr.stuck > * { background: var(--stuck-bg); }
.stuck-flag { color: var(--stuck); font-weight: 700; }
.learner-button { background: none; border: 0; padding: 0; text-decoration: underline; cursor: pointer; font-weight: 600; }
.muted { color: var(--muted); }
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
ol.stuck-list li, ul.causes li { margin: .2rem 0; }
section.cause { border-left: 4px solid var(--error); padding: .1rem .9rem; margin: .75rem 0; }
section.cause h3 { margin: .3rem 0; font-size: 1.1rem; }
.message { white-space: normal; overflow-wrap: anywhere; }
dialog { max-width: min(60rem, 95vw); width: 100%; color: var(--fg); background: var(--bg); border: 2px solid var(--line); border-radius: 8px; }
dialog::backdrop { background: rgb(0 0 0 / .5); }
dialog table td, dialog table th { white-space: normal; vertical-align: top; }
.close { float: right; border: 1px solid var(--line); border-radius: 6px; background: var(--head); padding: .2rem .7rem; cursor: pointer; }
`;

const script = `
(() => {
	const token = new URLSearchParams(location.search).get('token');
	const withToken = (path) => token ? path + (path.includes('?') ? '&' : '?') + 'token=' + encodeURIComponent(token) : path;
	const symbols = { pass: ['✓', 'passed'], fail: ['✗', 'not yet passing'], error: ['!', 'could not grade'], skipped: ['–', 'skipped'], 'not-yet': ['·', 'not graded yet'] };
	const el = (tag, props, ...children) => {
		const node = document.createElement(tag);
		for (const [key, value] of Object.entries(props || {})) {
			if (key === 'text') node.textContent = value;
			else if (key === 'class') node.className = value;
			else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
			else node.setAttribute(key, value);
		}
		for (const child of children) if (child !== null && child !== undefined) node.append(child);
		return node;
	};
	const duration = (ms) => {
		if (ms === null) return '—';
		const minutes = Math.floor(ms / 60000);
		if (minutes < 1) return 'under 1 min';
		if (minutes < 60) return minutes + ' min';
		return Math.floor(minutes / 60) + ' h ' + (minutes % 60) + ' min';
	};
	const time = (iso) => iso ? new Date(iso).toLocaleTimeString() : '—';
	const connection = document.getElementById('connection');
	const announce = document.getElementById('announce');
	let view = null;
	let sort = { key: 'name', direction: 'ascending' };
	let lastAnnounced = '';

	function sortedRows() {
		const rows = [...view.rows];
		const value = { name: (r) => r.name.toLowerCase(), progress: (r) => r.total ? r.passed / r.total : 0, since: (r) => r.sinceProgressMs === null ? -1 : r.sinceProgressMs };
		const get = value[sort.key];
		rows.sort((a, b) => { const x = get(a), y = get(b); const order = x < y ? -1 : x > y ? 1 : a.name.localeCompare(b.name); return sort.direction === 'ascending' ? order : -order; });
		return rows;
	}

	function sortHeader(key, label) {
		const th = el('th', { scope: 'col' }, el('button', { type: 'button', 'data-sort-key': key, onclick: () => {
			sort = { key, direction: sort.key === key && sort.direction === 'ascending' ? 'descending' : 'ascending' };
			renderGrid(key);
			announce.textContent = 'Learners sorted by ' + label.toLowerCase() + ', ' + sort.direction + '.';
		} }, label, el('span', { class: 'sort-icon', 'aria-hidden': 'true' })));
		if (sort.key === key) th.setAttribute('aria-sort', sort.direction);
		return th;
	}

	function renderGrid(focusKey) {
		const table = el('table', { id: 'grid' }, el('caption', { text: 'Learners × checks (' + view.rows.length + ' learners). Select a name for details.' }));
		const head = el('tr', {}, sortHeader('name', 'Learner'), sortHeader('progress', 'Progress'), sortHeader('since', 'Since progress'));
		view.columns.forEach((column) => {
			const short = column.lab.replace(/^lab(\\d+)$/, 'L$1') + '·' + column.step;
			head.append(el('th', { scope: 'col', class: 'check', title: column.lab + ' step ' + column.step + ': ' + column.title },
				el('span', { 'aria-hidden': 'true', text: short }), el('span', { class: 'vh', text: column.lab + ' step ' + column.step + ': ' + column.title })));
		});
		table.append(el('thead', {}, head));
		const body = el('tbody');
		for (const row of sortedRows()) {
			const tr = el('tr', { class: row.stuck ? 'stuck' : '', 'data-learner': row.learnerId });
			tr.append(el('th', { scope: 'row' }, el('button', { type: 'button', class: 'learner-button', text: row.name, onclick: () => openDetail(row.learnerId) })));
			tr.append(el('td', { text: row.passed + '/' + row.total + (row.complete ? ' ✓ done' : '') }));
			tr.append(el('td', {}, duration(row.sinceProgressMs), row.stuck ? el('span', { class: 'stuck-flag', text: ' ⚠ stuck' }) : null,
				row.couldNotGrade ? el('span', { class: 's-error', text: ' ! could not grade' }) : null));
			row.cells.forEach((state) => {
				const [symbol, label] = symbols[state];
				tr.append(el('td', { class: 'cell s-' + state, 'data-state': state }, el('span', { 'aria-hidden': 'true', text: symbol }), el('span', { class: 'vh', text: label })));
			});
			body.append(tr);
		}
		table.append(body);
		// Keep keyboard focus where it was across updates: on the same sort button or learner.
		const active = document.activeElement;
		const focusedLearner = active && active.closest && active.closest('tr[data-learner]') ? active.closest('tr[data-learner]').dataset.learner : null;
		document.getElementById('grid-wrap').replaceChildren(table);
		if (focusKey) table.querySelector('[data-sort-key="' + focusKey + '"]').focus();
		else if (focusedLearner !== null) {
			const row = [...table.tBodies[0].rows].find((candidate) => candidate.dataset.learner === focusedLearner);
			if (row) row.querySelector('button').focus();
		}
	}

	function renderStuck() {
		const list = document.getElementById('stuck-list');
		const entries = view.columns.map((column, index) => ({ column, count: view.stuckPerCheck[index] })).filter((entry) => entry.count > 0).sort((a, b) => b.count - a.count);
		if (entries.length === 0) { list.replaceChildren(el('p', { class: 'muted', text: 'Nobody is stuck (no progress for ' + duration(view.stuckAfterMs) + ').' })); return; }
		list.replaceChildren(el('ol', { class: 'stuck-list' }, ...entries.map((entry) => el('li', {},
			el('strong', { text: entry.count + ' stuck' }), ' on ' + entry.column.lab + ' step ' + entry.column.step + ': ' + entry.column.title))));
	}

	function renderCauses() {
		const target = document.getElementById('causes');
		if (view.causes.length === 0) { target.replaceChildren(el('p', { class: 'muted', text: 'Every account could be read.' })); return; }
		target.replaceChildren(...view.causes.map((cause) => el('section', { class: 'cause' },
			el('h3', { text: cause.title + ' (' + cause.learners.length + ')' }),
			el('p', {}, el('strong', { text: 'Fix: ' }), cause.fix),
			el('ul', { class: 'causes' }, ...cause.learners.map((learner) => el('li', {}, learner.name + ' (' + learner.lab + ')', el('span', { class: 'muted message', text: ' — ' + learner.message })))))));
	}

	function renderFigures() {
		const stuck = view.rows.filter((row) => row.stuck).length;
		const complete = view.rows.filter((row) => row.complete).length;
		const failing = view.rows.filter((row) => row.couldNotGrade).length;
		document.getElementById('figures').replaceChildren(
			el('li', {}, el('strong', { text: String(view.rows.length) }), ' learners'),
			el('li', {}, el('strong', { text: String(complete) }), ' complete'),
			el('li', {}, el('strong', { text: String(stuck) }), ' stuck (no progress for ' + duration(view.stuckAfterMs) + ')'),
			el('li', {}, el('strong', { text: String(failing) }), ' could not be graded'));
		document.getElementById('rounds').textContent = 'Last round: ' + time(view.lastRoundAt) + ' · next round: ' + (view.nextRoundAt ? time(view.nextRoundAt) : 'none (stopping)');
		const summary = complete + ' complete, ' + stuck + ' stuck';
		if (summary !== lastAnnounced) { lastAnnounced = summary; announce.textContent = 'Updated: ' + summary + '.'; }
	}

	const dialog = document.getElementById('detail');
	async function openDetail(learnerId) {
		const response = await fetch(withToken('/learner?id=' + encodeURIComponent(learnerId)));
		if (!response.ok) return;
		const detail = await response.json();
		const checks = el('table', {}, el('caption', { text: 'Latest result of each check' }),
			el('thead', {}, el('tr', {}, ...['Check', 'Result', 'Message', 'Hint'].map((label) => el('th', { scope: 'col', text: label })))),
			el('tbody', {}, ...detail.checks.map((check) => el('tr', {},
				el('th', { scope: 'row', text: check.lab + ' step ' + check.step + ': ' + check.title }),
				el('td', { class: 's-' + check.state, text: symbols[check.state][0] + ' ' + symbols[check.state][1] }),
				el('td', { class: 'message', text: check.message || '—' }),
				el('td', { class: 'message', text: check.hint || '—' })))));
		const history = el('ol', {}, ...detail.attempts.map((attempt) => el('li', { text: time(attempt.observedAt) + ' · ' + attempt.lab + ': ' + attempt.outcome + ' ' + attempt.score + '/' + attempt.maxScore + (attempt.errorMessage ? ' — ' + attempt.errorMessage : '') })));
		document.getElementById('detail-body').replaceChildren(
			el('h2', { id: 'detail-title', text: detail.name }), el('p', { class: 'muted', text: detail.email }), checks,
			el('h3', { text: 'Attempts, newest first (' + detail.attempts.length + ')' }), history);
		dialog.showModal();
	}
	document.getElementById('detail-close').addEventListener('click', () => dialog.close());

	function connect() {
		const source = new EventSource(withToken('/events'));
		source.addEventListener('open', () => { connection.dataset.state = 'live'; connection.textContent = 'Live'; });
		source.addEventListener('error', () => { connection.dataset.state = 'reconnecting'; connection.textContent = 'Reconnecting…'; });
		source.addEventListener('view', (event) => {
			view = JSON.parse(event.data);
			const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.sortKey : undefined;
			renderFigures(); renderGrid(focused); renderStuck(); renderCauses();
		});
	}
	connect();
})();
`;

/** The page, with the CSP nonce that lets its one inline script run. */
export function dashboardPage(cohort: string, nonce: string): string {
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Live: ${escapeHtml(cohort)}</title>
<style nonce="${nonce}">${styles}</style>
</head>
<body>
<main>
<h1>Live classroom: ${escapeHtml(cohort)}</h1>
<p><span id="connection" role="status" data-state="connecting">Connecting…</span> · <span id="rounds">Waiting for the first round</span></p>
<ul id="figures" class="figures" aria-label="Summary"></ul>
<p id="announce" class="vh" aria-live="polite"></p>
<h2>Learners</h2>
<ul class="legend" aria-label="Legend"><li>✓ passed</li><li>✗ not yet passing</li><li>! could not grade</li><li>– skipped</li><li>· not graded yet</li><li>⚠ stuck: no progress for a while</li></ul>
<div id="grid-wrap" class="grid-wrap" tabindex="0" role="region" aria-label="Learners by check"><p class="muted">Waiting for the first round…</p></div>
<h2>Where learners are stuck</h2>
<div id="stuck-list"></div>
<h2>Accounts that could not be graded</h2>
<div id="causes"></div>
</main>
<dialog id="detail" aria-labelledby="detail-title">
<button type="button" id="detail-close" class="close">Close</button>
<div id="detail-body"></div>
</dialog>
<script nonce="${nonce}">${script}</script>
</body>
</html>
`;
}
