import { defaultGradebookPath, gradebookPathVariable } from '../gradebook/default-path.ts';
import { GradebookOpenError } from '../gradebook/gradebook-open-error.ts';
import { type GradebookDb, openGradebook } from '../gradebook/open-gradebook.ts';
import { CannotGradeError, UsageError } from './io.ts';

/**
 * Opens the gradebook for a command. `create` is for `grade` and `import-progress`, the only commands
 * that start a gradebook; `report` and `regrade` refuse a path with none, so a mistyped path is exit 64
 * naming it rather than an empty report. A path that is the user's mistake (a folder, not a SQLite
 * file, a missing folder other than the default .sre-lab/) is exit 64; trouble of the environment is exit 2.
 */
export function openGradebookForCommand(
	path: string,
	mode: 'create' | 'existing',
	env: Readonly<Record<string, string | undefined>>,
	cwd: string = process.cwd(),
): GradebookDb {
	try {
		// Only the default location's folder (.sre-lab/) is created; a missing folder in a typed path is a typo.
		const isDefault = path === defaultGradebookPath(env, cwd) && !env[gradebookPathVariable];
		return openGradebook(path, { mustExist: mode === 'existing', createFolder: isDefault });
	} catch (error) {
		if (!(error instanceof GradebookOpenError)) throw error;
		throw error.userMistake ? new UsageError(error.message) : new CannotGradeError(error.message);
	}
}
