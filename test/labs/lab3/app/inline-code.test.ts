import { describe, expect, it } from 'vitest';
import { inlineLambdaSource, stripCommentLines } from '../../../../labs/lab3/app/inline-code.ts';

describe('stripCommentLines', () => {
	it('drops whole-line comments and blank lines but keeps code, including // inside strings', () => {
		const source = "// why\n\tconst a = 1; // trailing stays\n\n\t// indented why\nconst url = 'http://x';\n";
		expect(stripCommentLines(source)).toBe("\tconst a = 1; // trailing stays\nconst url = 'http://x';");
	});
});

describe('inlineLambdaSource', () => {
	it('replaces local requires with a wrapped copy of the module, recursively', () => {
		const entry = "const { b } = require('./b.cjs');\nmodule.exports = { a: b + 1 };";
		const modules = {
			'./b.cjs': "const { c } = require('./c.cjs');\nmodule.exports = { b: c * 2 };",
			'./c.cjs': 'module.exports = { c: 20 };',
		};
		const code = inlineLambdaSource(entry, modules);
		expect(code).not.toContain("require('./");
		const module = { exports: {} as Record<string, unknown> };
		new Function('module', 'exports', code)(module, module.exports);
		expect(module.exports).toEqual({ a: 41 });
	});

	it('leaves package requires alone', () => {
		expect(inlineLambdaSource("const x = require('@aws-sdk/client-ssm');", {})).toBe(
			"const x = require('@aws-sdk/client-ssm');\n",
		);
	});

	it('names a local module it was not given', () => {
		expect(() => inlineLambdaSource("require('./missing.cjs');", {})).toThrow('./missing.cjs');
	});
});
