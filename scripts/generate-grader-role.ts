/**
 * Writes labs/grader-role/template.yaml from the graders' declared reads, so the role learners deploy
 * always allows exactly what `sre-lab policy` prints. Run with Node 22:
 *   node scripts/generate-grader-role.ts          write the template
 *   node scripts/generate-grader-role.ts --check  exit 1 if the committed template is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildGraderRoleTemplate, graderRoleTemplatePath } from '../graders/cohort/grader-role-template.ts';
import { generateGraderPolicy } from '../graders/engine/policy.ts';
import { collectorsForLabs, labIds } from '../graders/labs/index.ts';

const file = fileURLToPath(new URL(`../${graderRoleTemplatePath}`, import.meta.url));
const expected = buildGraderRoleTemplate(generateGraderPolicy(collectorsForLabs(labIds())));

if (process.argv.includes('--check')) {
	let current = '';
	try {
		current = readFileSync(file, 'utf8');
	} catch {
		// A missing template is out of date too.
	}
	if (current !== expected) {
		process.stderr.write(`${graderRoleTemplatePath} is out of date: run node scripts/generate-grader-role.ts\n`);
		process.exitCode = 1;
	}
} else {
	writeFileSync(file, expected);
	process.stdout.write(`wrote ${graderRoleTemplatePath} for labs ${labIds().join(', ')}\n`);
}
