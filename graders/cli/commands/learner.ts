/**
 * The learner's commands: what the single-file grader the course site publishes carries. The cohort
 * commands (grade, regrade, report, import-progress) need the `node:sqlite` gradebook (Node 22) and an
 * instructor's set-up, so they stay in the full CLI (./index.ts) and out of the learner's download.
 */

import { registerCheck } from './check.ts';
import { registerDoctor } from './doctor.ts';
import type { RegisterCommand } from './index.ts';
import { registerLabs } from './labs.ts';
import { registerPolicy } from './policy.ts';

export const learnerCommands: readonly RegisterCommand[] = [
	registerCheck,
	registerLabs,
	registerPolicy,
	registerDoctor,
];
