/**
 * Child process for the "several processes open a fresh gradebook" test: opens it (creating and
 * migrating it) at the given moment, so that the processes collide.
 * Usage: node open-gradebook-child.ts <gradebook.sqlite> <start at, ms since epoch>
 */

import { loadSqlite } from '../../../../graders/gradebook/load-sqlite.ts';
import { openGradebook } from '../../../../graders/gradebook/open-gradebook.ts';

const [path, startAt] = process.argv.slice(2);
if (!path || !startAt) throw new Error('usage: open-gradebook-child.ts <gradebook.sqlite> <start at>');
loadSqlite();
// Spin rather than sleep: timers are too coarse to line the processes up.
while (Date.now() < Number(startAt)) {}
try {
	openGradebook(path).close();
} catch (error) {
	process.stderr.write(`${(error as Error).message}\n`);
	process.exitCode = 1;
}
