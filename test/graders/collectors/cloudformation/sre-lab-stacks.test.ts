import { describe, expect, it } from 'vitest';
import { sreLabOfStack } from '../../../../graders/collectors/cloudformation/sre-lab-stacks.ts';

describe('sreLabOfStack', () => {
	it('reads the sre-lab tag first, then the SreLab output', () => {
		expect(sreLabOfStack({ tags: { 'sre-lab': 'lab3' }, outputs: {} })).toBe('lab3');
		expect(sreLabOfStack({ tags: {}, outputs: { SreLab: 'lab3' } })).toBe('lab3');
		expect(sreLabOfStack({ tags: { 'sre-lab': 'lab2' }, outputs: { SreLab: 'lab3' } })).toBe('lab2');
	});

	it('ignores stack names and other outputs', () => {
		expect(sreLabOfStack({ tags: { Name: 'sre-lab3-app' }, outputs: { ApiUrl: 'https://x' } })).toBeNull();
	});
});
