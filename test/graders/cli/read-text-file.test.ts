import { describe, expect, it } from 'vitest';
import { decodeUtf8Text, formatBytes } from '../../../graders/cli/read-text-file.ts';

const bytes = (...parts: (string | number[])[]) =>
	Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

describe('decodeUtf8Text', () => {
	it('accepts UTF-8 with accents and drops a byte order mark', () => {
		expect(decodeUtf8Text(bytes([0xef, 0xbb, 0xbf], 'learner_id,name\nzoe,Zoë Ñúñez\n'))).toEqual({
			ok: true,
			text: 'learner_id,name\nzoe,Zoë Ñúñez\n',
		});
	});

	it('names the first line that is not UTF-8 (Latin-1 ë)', () => {
		const decoded = decodeUtf8Text(bytes('a\nb\nZo', [0xeb], '\nd\xe9\n'));
		expect(decoded).toEqual({
			ok: false,
			reason:
				'line 3: not valid UTF-8 (perhaps Latin-1 or Windows-1252); save it as UTF-8 (in a spreadsheet: "CSV UTF-8")',
		});
	});

	it('refuses UTF-16 with or without a byte order mark, and a NUL in a text file', () => {
		expect(
			decodeUtf8Text(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('ab', 'utf16le').swap16()])),
		).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/^line 1: the file is UTF-16/),
		});
		expect(decodeUtf8Text(Buffer.from('learner_id', 'utf16le'))).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/^line 1: the file looks like UTF-16/),
		});
		expect(decodeUtf8Text(bytes('ok\nok\nbad', [0], '\n'))).toEqual({
			ok: false,
			reason: 'line 3: contains a NUL character (byte 9); a text file never does',
		});
	});

	it('formats sizes for messages', () => {
		expect([formatBytes(900), formatBytes(2048), formatBytes(40 * 1024 * 1024)]).toEqual([
			'900 bytes',
			'2 KiB',
			'40 MiB',
		]);
	});
});
