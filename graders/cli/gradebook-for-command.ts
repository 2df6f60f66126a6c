import { GradebookOpenError } from '../gradebook/gradebook-open-error.ts';
import { type GradebookDb, openGradebook } from '../gradebook/open-gradebook.ts';
import { CannotGradeError, UsageError } from './io.ts';

/**
 * Opens the gradebook for a command. `create` is for `grade` and `import-progress`, the only commands
 * that start a gradebook; `report` and `regrade` refuse a path with none, so a mistyped path is exit 64
 * naming it rather than an empty report. A path that is the user's mistake (a folder, not a SQLite
 * file) is exit 64; trouble of the environment is exit 2.
 */
export function openGradebookForCommand(path: string, mode: 'create' | 'existing'): GradebookDb {
	try {
		return openGradebook(path, { mustExist: mode === 'existing' });
	} catch (error) {
		if (!(error instanceof GradebookOpenError)) throw error;
		throw error.userMistake ? new UsageError(error.message) : new CannotGradeError(error.message);
	}
}
