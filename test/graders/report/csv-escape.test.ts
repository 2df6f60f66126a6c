import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { escapeCsvField, toCsv } from '../../../graders/report/csv-escape.ts';

describe('escapeCsvField', () => {
	it('quotes fields with quotes, commas and line breaks, doubling quotes', () => {
		expect(escapeCsvField('plain')).toBe('plain');
		expect(escapeCsvField('Lima, Ana')).toBe('"Lima, Ana"');
		expect(escapeCsvField('say "hi"')).toBe('"say ""hi"""');
		expect(escapeCsvField('two\nlines')).toBe('"two\nlines"');
		expect(escapeCsvField('cr\r')).toBe('"cr\r"');
	});

	it('neutralises text a spreadsheet would run as a formula', () => {
		expect(escapeCsvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
		expect(escapeCsvField('+1')).toBe("'+1");
		expect(escapeCsvField('-2')).toBe("'-2");
		expect(escapeCsvField('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(escapeCsvField('\tcmd')).toBe("'\tcmd");
	});

	it('writes numbers, booleans and empty values plainly', () => {
		expect(escapeCsvField(42.5)).toBe('42.5');
		expect(escapeCsvField(true)).toBe('true');
		expect(escapeCsvField(null)).toBe('');
		expect(escapeCsvField(undefined)).toBe('');
		expect(escapeCsvField(Number.NaN)).toBe('');
	});
});

describe('toCsv', () => {
	it('produces RFC 4180 text that a CSV parser reads back to the same cells', () => {
		const rows = [
			['name', 'note'],
			['Ana "Ace" Lima', 'line one\nline two'],
			['Ben', 'a,b'],
		];
		const text = toCsv(rows);
		expect(text.endsWith('\r\n')).toBe(true);
		expect(parse(text)).toEqual(rows);
	});
});
