import { describe, expect, it } from 'vitest';
import type { ServiceGraph } from '../../../../graders/collectors/xray/service-graph.ts';
import type { TraceDestination } from '../../../../graders/collectors/xray/trace-destination.ts';
import type { TraceSummaries } from '../../../../graders/collectors/xray/trace-summaries.ts';
import type { Snapshot } from '../../../../graders/engine/types.ts';
import { app } from './support/lab3-account.ts';
import { accessDenied, editRead, failRead, gradeCheck, loadFixture } from './support/snapshot-edit.ts';

const id = 'traces-show-service-graph';
const editTraces = (snapshot: Snapshot, edit: (traces: TraceSummaries) => void) =>
	editRead<TraceSummaries>(snapshot, 'xray.trace-summaries', edit);
const editGraph = (snapshot: Snapshot, edit: (graph: ServiceGraph) => void) =>
	editRead<ServiceGraph>(snapshot, 'xray.service-graph', edit);

describe(id, () => {
	it('passes when traces reach the app and the map connects orders to inventory', () => {
		const result = gradeCheck(loadFixture('passing'), id);
		expect(result.status).toBe('pass');
		expect(result.message).toContain('2 trace(s) through the application');
		expect(result.message).toContain(`${app.orders} (AWS::Lambda::Function) → ${app.inventory} (AWS::Lambda)`);
	});

	it('also passes when the only edge is Lambda service → function of one app function', () => {
		const snapshot = editGraph(loadFixture('passing'), (graph) => {
			graph.edges = graph.edges.filter((edge) => edge.from === `AWS::Lambda:${app.orders}`);
		});
		const result = gradeCheck(snapshot, id);
		expect(result.status).toBe('pass');
		expect(result.message).toContain(`${app.orders} (AWS::Lambda) → ${app.orders} (AWS::Lambda::Function)`);
	});

	it('fails when X-Ray has no traces at all in the window', () => {
		const snapshot = editTraces(loadFixture('passing'), (traces) => {
			traces.summaries = [];
		});
		expect(gradeCheck(snapshot, id)).toMatchObject({
			status: 'fail',
			message: 'X-Ray has no traces in eu-west-1 since 2026-11-21T12:00:00.000Z.',
		});
	});

	const noTraces = (snapshot: Snapshot = loadFixture('passing')) =>
		editTraces(snapshot, (traces) => {
			traces.summaries = [];
		});

	it('says Transaction Search indexes only 1 % of spans instead of "no traces" when it is on', () => {
		const snapshot = editRead<TraceDestination>(noTraces(), 'xray.trace-destination', () => ({
			destination: 'CloudWatchLogs',
			status: 'ACTIVE',
			indexingPercent: 1,
		}));
		const result = gradeCheck(snapshot, id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('CloudWatch Transaction Search is on');
		expect(result.message).toContain('X-Ray indexes only 1 % of them as trace summaries');
		expect(result.message).toContain('update-indexing-rule');
	});

	it('is an error, not "no traces", when the trace destination could not be read', () => {
		const snapshot = failRead(noTraces(), 'xray.trace-destination', accessDenied('xray:GetTraceSegmentDestination'));
		expect(gradeCheck(snapshot, id)).toMatchObject({
			status: 'error',
			message: expect.stringContaining('xray:GetTraceSegmentDestination'),
		});
	});

	it('passes on traces found even when the trace destination could not be read', () => {
		const snapshot = failRead(
			loadFixture('passing'),
			'xray.trace-destination',
			accessDenied('xray:GetTraceSegmentDestination'),
		);
		expect(gradeCheck(snapshot, id).status).toBe('pass');
	});

	it("names X-Ray's 30-day retention, not --since, as the start of what was read", () => {
		const snapshot = {
			...noTraces(),
			window: { since: '2026-08-24T12:00:00.000Z', until: '2026-11-22T12:00:00.000Z' },
		};
		expect(gradeCheck(snapshot, id).message).toBe('X-Ray has no traces in eu-west-1 since 2026-10-23T12:00:00.000Z.');
	});

	it("fails when the traces belong to someone else's services", () => {
		const snapshot = editTraces(loadFixture('passing'), (traces) => {
			traces.summaries = traces.summaries.filter((trace) => !trace.services.includes(app.orders));
		});
		const result = gradeCheck(snapshot, id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('none passes through');
	});

	it('fails when the map shows the app but no connection between its services', () => {
		const snapshot = editGraph(loadFixture('passing'), (graph) => {
			graph.edges = graph.edges.filter((edge) => edge.from === 'client:client');
		});
		const result = gradeCheck(snapshot, id);
		expect(result.status).toBe('fail');
		expect(result.message).toContain('only unconnected nodes');
	});

	it('fails when the map does not show the app at all', () => {
		const snapshot = editGraph(loadFixture('passing'), (graph) => {
			graph.services = graph.services.filter((node) => node.type === 'client');
			graph.edges = [];
		});
		expect(gradeCheck(snapshot, id).message).toContain('none of its services');
	});

	it('is an error when traces could not be read (access-denied fixture)', () => {
		expect(gradeCheck(loadFixture('access-denied'), id)).toMatchObject({
			status: 'error',
			message: expect.stringContaining('xray:GetTraceSummaries'),
		});
	});

	it('is skipped while tracing is not enabled', () => {
		expect(gradeCheck(loadFixture('failing'), id)).toMatchObject({
			status: 'skipped',
			message: expect.stringContaining('step 2'),
		});
	});
});
