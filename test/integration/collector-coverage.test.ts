import { describe, expect, it } from 'vitest';
import { labs } from '../../graders/labs/index.ts';
import { lab1Reads } from './lab1-reads.ts';
import { lab2Reads } from './lab2-reads.ts';
import { lab3Reads } from './lab3-reads.ts';
import { lab4Reads } from './lab4-reads.ts';
import type { LabReadExpectations } from './support/read-expectations.ts';

const tier: Readonly<Record<string, LabReadExpectations<never>>> = {
	lab1: lab1Reads as LabReadExpectations<never>,
	lab2: lab2Reads as LabReadExpectations<never>,
	lab3: lab3Reads as LabReadExpectations<never>,
	lab4: lab4Reads as LabReadExpectations<never>,
};

describe('the integration tier covers every collector', () => {
	it.each(labs.map((lab) => lab.id))('has read expectations for %s', (id) => {
		expect(tier, `add test/integration/${id}-reads.ts, a seed and a ${id}.test.ts`).toHaveProperty(id);
	});

	it.each(labs.map((lab) => [lab.id, lab] as const))(
		'%s: every collector the lab registers runs against moto with an expectation',
		(id, lab) => {
			const expected = tier[id] ?? {};
			const missing = lab.collectors
				.map((collector) => collector.id)
				.filter((collectorId) => !(collectorId in expected));
			expect(missing, `add these to test/integration/${id}-reads.ts (and seed what they read)`).toEqual([]);
		},
	);

	it.each(labs.map((lab) => [lab.id, lab] as const))(
		'%s: expects nothing of a collector it no longer reads',
		(id, lab) => {
			const registered = new Set(lab.collectors.map((collector) => collector.id));
			const stale = Object.keys(tier[id] ?? {}).filter((collectorId) => !registered.has(collectorId));
			expect(stale, `remove these from test/integration/${id}-reads.ts`).toEqual([]);
		},
	);
});
