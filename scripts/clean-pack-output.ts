/**
 * `postpack`: remove the JavaScript that `prepack` compiled beside the TypeScript sources, so a
 * checkout keeps running (and editing) the .ts files. Only a .js file with a sibling .ts is removed.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

function removeCompiled(dir: string): number {
	let removed = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) removed += removeCompiled(path);
		else if (entry.name.endsWith('.js') && existsSync(path.replace(/\.js$/, '.ts'))) {
			rmSync(path);
			removed += 1;
		}
	}
	return removed;
}

const removed = ['graders', 'src'].reduce((count, dir) => count + removeCompiled(dir), 0);
console.log(`postpack: removed ${removed} compiled files`);
