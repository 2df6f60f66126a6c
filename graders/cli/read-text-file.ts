import { type FileHandle, open } from 'node:fs/promises';

/**
 * Reading the instructor's and learners' text files (rosters, progress files) strictly: UTF-8 only,
 * so a roster saved as Latin-1 or UTF-16 by a spreadsheet is refused with the line to look at,
 * instead of becoming mojibake in the gradebook or raw bytes on the terminal.
 */

export type DecodedText = { ok: true; text: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The 1-based line of byte `offset`. */
function lineOf(bytes: Uint8Array, offset: number): number {
	let line = 1;
	for (let index = 0; index < offset; index++) if (bytes[index] === 0x0a) line += 1;
	return line;
}

/** The first byte of the first line that is not valid UTF-8, or -1. */
function firstInvalidUtf8Line(bytes: Uint8Array): number {
	let start = 0;
	while (start <= bytes.length) {
		let end = bytes.indexOf(0x0a, start);
		if (end === -1) end = bytes.length;
		try {
			utf8.decode(bytes.subarray(start, end));
		} catch {
			return start;
		}
		start = end + 1;
	}
	return -1;
}

/** Decodes `bytes` as UTF-8 text, refusing UTF-16, NUL characters and invalid sequences with the line. */
export function decodeUtf8Text(bytes: Uint8Array): DecodedText {
	const saveAsUtf8 = 'save it as UTF-8 (in a spreadsheet: "CSV UTF-8")';
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
		return { ok: false, reason: `line 1: the file is UTF-16, not UTF-8; ${saveAsUtf8}` };
	const nul = bytes.indexOf(0);
	if (nul !== -1) {
		// UTF-16 without a byte order mark puts a NUL beside every ASCII character.
		const looksUtf16 = bytes.length > 1 && (bytes[1] === 0 || bytes[0] === 0);
		return {
			ok: false,
			reason: looksUtf16
				? `line 1: the file looks like UTF-16, not UTF-8; ${saveAsUtf8}`
				: `line ${lineOf(bytes, nul)}: contains a NUL character (byte ${nul}); a text file never does`,
		};
	}
	try {
		// The byte order mark some editors write is dropped (ignoreBOM: false).
		return { ok: true, text: utf8.decode(bytes) };
	} catch {
		const offset = firstInvalidUtf8Line(bytes);
		const line = offset === -1 ? 1 : lineOf(bytes, offset);
		return {
			ok: false,
			reason: `line ${line}: not valid UTF-8 (perhaps Latin-1 or Windows-1252); ${saveAsUtf8}`,
		};
	}
}

export type TextFileResult = DecodedText;

/**
 * Reads a UTF-8 text file. With `maxBytes`, a larger file is refused from its size alone, before
 * anything is read or parsed; and since a pipe or a device (`/dev/stdin`, `/dev/zero`) reports no
 * size, at most one byte more than the limit is ever read. Never throws for a problem of the file;
 * the reason says what to do.
 */
export async function readTextFile(path: string, options: { maxBytes?: number } = {}): Promise<TextFileResult> {
	let handle: FileHandle | undefined;
	try {
		handle = await open(path, 'r');
		if (options.maxBytes === undefined) return decodeUtf8Text(await handle.readFile());
		const tooLarge = (size?: string) => ({
			ok: false as const,
			reason: `the file is ${size ? `${size}, ` : ''}more than the ${formatBytes(options.maxBytes as number)} this file can be`,
		});
		const { size } = await handle.stat();
		if (size > options.maxBytes) return tooLarge(formatBytes(size));
		const bytes = await readAtMost(handle, options.maxBytes + 1);
		if (bytes.length > options.maxBytes) return tooLarge();
		return decodeUtf8Text(bytes);
	} catch (error) {
		return {
			ok: false,
			reason: `cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
		};
	} finally {
		// Closing a file only read from cannot lose anything; its failure is not the reader's problem.
		await handle?.close().catch(() => {});
	}
}

/** Up to `limit` bytes from the start of the file, fewer when it ends first. */
async function readAtMost(handle: FileHandle, limit: number): Promise<Buffer> {
	// Only the bytes read are returned, so the buffer need not be zeroed first.
	const buffer = Buffer.allocUnsafe(limit);
	let filled = 0;
	while (filled < limit) {
		const { bytesRead } = await handle.read(buffer, filled, limit - filled, null);
		if (bytesRead === 0) break;
		filled += bytesRead;
	}
	return buffer.subarray(0, filled);
}

export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} bytes`;
	if (bytes < 1024 * 1024) return `${Math.round(bytes / 102.4) / 10} KiB`;
	return `${Math.round(bytes / 104_857.6) / 10} MiB`;
}
