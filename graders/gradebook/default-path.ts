import { join } from 'node:path';

export const gradebookPathVariable = 'SRE_LAB_GRADEBOOK';

/**
 * Where the gradebook lives unless --gradebook says otherwise: $SRE_LAB_GRADEBOOK, else
 * `.sre-lab/gradebook.sqlite` in the working directory, beside the instructor's roster files.
 */
export function defaultGradebookPath(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
	return env[gradebookPathVariable] || join(cwd, '.sre-lab', 'gradebook.sqlite');
}
