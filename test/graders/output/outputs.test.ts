import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { evaluateLab } from '../../../graders/engine/evaluate.ts';
import { formatCallSummary } from '../../../graders/output/call-summary.ts';
import { formatChecklist } from '../../../graders/output/checklist.ts';
import { formatJson } from '../../../graders/output/json.ts';
import { formatJunit } from '../../../graders/output/junit.ts';
import { loadFixture } from '../support/snapshot-edit.ts';

const now = () => new Date('2026-11-22T12:05:00Z');
const grade = (name: 'passing' | 'failing' | 'access-denied') => evaluateLab('lab1', loadFixture(name), { now });

describe('formatChecklist', () => {
	it('prints a symbol, the step and the message for every check, and no colour when asked for none', () => {
		const text = formatChecklist(grade('failing'), { color: false });
		expect(text.includes('\u001b[')).toBe(false);
		expect(text).toContain('✓ Step 1 A running EC2 instance tagged sre-lab=lab1 accepts HTTP traffic (10/10)');
		expect(text).toContain('✗ Step 3 A metric filter on the access log counts server errors (5xx) only (0/10)');
		expect(text).toContain(
			'– Step 4 An alarm whose condition fits the SLO (error ratio or burn rate) notifies an SNS topic (0/10)',
		);
		expect(text).toContain('    Hint: Create a metric filter on the access-log group');
		expect(text).toContain('Score 40/100 · 4 passed, 3 failed, 0 could not be graded, 3 skipped');
		expect(text).toContain('Next: step 3, "A metric filter on the access log counts server errors (5xx) only".');
	});

	it('marks errors with ! and says they do not count against the learner', () => {
		const text = formatChecklist(grade('access-denied'), { color: false });
		expect(text).toContain('! Step 3');
		expect(text).toContain('errors never count against you');
	});

	it('uses colour on a terminal', () => {
		expect(formatChecklist(grade('passing'), { color: true }).includes('\u001b[32m✓')).toBe(true);
	});
});

describe('formatJson', () => {
	it('is the result document', () => {
		const parsed = JSON.parse(formatJson(grade('passing')));
		expect(parsed).toMatchObject({
			format: 'sre-lab-result',
			version: 1,
			lab: 'lab1',
			score: 100,
			maxScore: 100,
			outcome: 'pass',
		});
		expect(parsed.checks).toHaveLength(10);
	});
});

describe('formatJunit', () => {
	it('is well-formed XML with one test case per check and the right counts', () => {
		const xml = formatJunit(grade('failing'));
		expect(XMLValidator.validate(xml)).toBe(true);
		const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
		const suite = doc.testsuites.testsuite;
		expect(suite).toMatchObject({ name: 'lab1', tests: '10', failures: '3', errors: '0', skipped: '3' });
		expect(suite.testcase).toHaveLength(10);
		const failure = suite.testcase.find((testcase: { name: string }) => testcase.name === 'error-filter-counts-5xx');
		expect(failure.failure.message).toContain('"errors" (pattern "\\"503\\"")');
	});

	it('reports grader errors as <error>, not <failure>', () => {
		const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
			formatJunit(grade('access-denied')),
		);
		expect(doc.testsuites.testsuite).toMatchObject({ errors: '2', failures: '0' });
	});
});

describe('formatCallSummary', () => {
	it('lists calls and retries per operation', () => {
		const text = formatCallSummary([
			{ service: 'ec2', operation: 'DescribeInstances', calls: 2, attempts: 5, failures: 0 },
			{ service: 'logs', operation: 'TestMetricFilter', calls: 3, attempts: 3, failures: 1 },
		]);
		expect(text).toContain('API calls: 5 (3 retries)');
		expect(text).toMatch(/ec2:DescribeInstances\s+2 call\(s\)\s+3 retries/);
		expect(text).toMatch(/logs:TestMetricFilter\s+3 call\(s\)\s+0 retries\s+1 failed/);
	});
});
