#!/usr/bin/env node
// The `sre-lab` command.
// - A published package carries JavaScript compiled at `npm pack` time, which runs on any maintained
//   Node (AWS CloudShell included); Node refuses to strip types under node_modules, so it must.
// - A checkout runs the TypeScript sources directly, which needs Node >= 22.18 (type stripping). On an
//   older Node it re-runs itself with the Node 22 that the project pins as an npm package, passes
//   SIGINT/SIGTERM/SIGHUP on to that run, and ends as it ends (its exit code, or the signal that
//   killed it), so `timeout`, Ctrl-C or a cancelled CI job never leave a grader running on its own.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { endAs, runForwardingSignals } from './run-forwarding-signals.js';

const compiledEntry = new URL('../graders/cli/main.js', import.meta.url);
const sourceEntry = new URL('../graders/cli/main.ts', import.meta.url);
const pinnedNode = new URL('../node_modules/node/bin/node', import.meta.url);
const args = process.argv.slice(2);

function canStripTypes() {
	const [major, minor] = process.versions.node.split('.').map(Number);
	return major > 22 || (major === 22 && minor >= 18);
}

if (existsSync(compiledEntry)) {
	const { main } = await import(compiledEntry.href);
	process.exitCode = await main(args);
} else if (canStripTypes()) {
	const { main } = await import(sourceEntry.href);
	process.exitCode = await main(args);
} else if (existsSync(pinnedNode)) {
	const ending = await runForwardingSignals(fileURLToPath(pinnedNode), [fileURLToPath(import.meta.url), ...args]);
	if (ending.error) {
		console.error(`sre-lab: could not start the pinned Node 22 (${ending.error.message}). Run \`npm install\` again.`);
		process.exitCode = 2;
	} else {
		endAs(ending);
	}
} else {
	console.error(
		`sre-lab: Node ${process.versions.node} cannot run this checkout's TypeScript sources. ` +
			'Use Node 22.18 or newer, or run `npm install` so the pinned Node 22 is available.',
	);
	process.exitCode = 2;
}
