/**
 * Why a gradebook could not be opened, naming the file. `userMistake` separates a path the user got
 * wrong (a folder, a file that is not a gradebook, a gradebook that does not exist yet where one must)
 * from trouble of the environment (permissions, a full disk, a lock held too long).
 */
export class GradebookOpenError extends Error {
	override name = 'GradebookOpenError';
	readonly path: string;
	readonly userMistake: boolean;
	constructor(path: string, reason: string, userMistake: boolean) {
		super(`cannot open the gradebook ${path}: ${reason}`);
		this.path = path;
		this.userMistake = userMistake;
	}
}

// SQLite's primary result codes (https://www.sqlite.org/rescode.html) node:sqlite puts on `errcode`.
const sqliteBusy = 5;
const sqliteCantOpen = 14;
const sqliteNotADatabase = 26;

/** Turns what SQLite threw while opening or migrating `path` into an error naming the file. */
export function sqliteOpenProblem(path: string, error: unknown): GradebookOpenError {
	const errcode = (error as { errcode?: unknown }).errcode;
	const primary = typeof errcode === 'number' ? errcode & 0xff : undefined;
	const message = error instanceof Error ? error.message : String(error);
	if (primary === sqliteNotADatabase)
		return new GradebookOpenError(path, 'it is not an sre-lab gradebook (not a SQLite database)', true);
	if (primary === sqliteCantOpen)
		return new GradebookOpenError(path, `SQLite cannot open it (${message}); check the path and its permissions`, true);
	if (primary === sqliteBusy)
		return new GradebookOpenError(path, 'another process kept it locked for too long; try again', false);
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'EACCES' || code === 'EPERM')
		return new GradebookOpenError(path, `permission denied (${code}) creating it or its folder`, true);
	if (code === 'ENOTDIR' || code === 'EEXIST')
		return new GradebookOpenError(path, `a part of its folder path is a file, not a folder (${code})`, true);
	return new GradebookOpenError(path, message, false);
}
