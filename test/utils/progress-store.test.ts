import { describe, expect, it } from 'vitest';
import { createMemoryStorage, type KeyValueStorage, resolveStorage } from '../../src/utils/progress-storage.ts';
import { createProgressStore, progressKey } from '../../src/utils/progress-store.ts';

const fixedNow = () => new Date('2026-11-22T16:00:00.000Z');

function storageWith(key: string, value: string): KeyValueStorage {
	const storage = createMemoryStorage();
	storage.setItem(key, value);
	return storage;
}

describe('createProgressStore', () => {
	it('keeps pages, quizzes, labs and learner under one prefixed key', () => {
		const storage = createMemoryStorage();
		const store = createProgressStore({ prefix: 'sre-course', storage, now: fixedNow });
		store.markPageRead('day-1/what-is-sre', true);
		store.saveQuiz('module-01', { answers: { 'm01-tenets': ['d', 'a'] }, score: 1, maxScore: 6 });
		store.setLabDone('lab1', true);
		store.setLearner({ id: ' ada ', email: '' });
		expect(JSON.parse(storage.getItem('sre-course:progress') ?? 'null')).toEqual({
			version: 2,
			learner: { id: 'ada' },
			pages: { 'day-1/what-is-sre': { readAt: '2026-11-22T16:00:00.000Z' } },
			quizzes: {
				'module-01': {
					answers: { 'm01-tenets': ['a', 'd'] },
					score: 1,
					maxScore: 6,
					completedAt: '2026-11-22T16:00:00.000Z',
					attempts: 1,
				},
			},
			labs: { lab1: { doneAt: '2026-11-22T16:00:00.000Z' } },
		});
	});

	it('lets two courses on one origin keep separate progress', () => {
		const storage = createMemoryStorage();
		createProgressStore({ prefix: 'sre-course', storage }).setLabDone('lab1', true);
		const other = createProgressStore({ prefix: 'k8s-course', storage });
		expect(other.get().labs).toEqual({});
		expect(progressKey('k8s-course')).toBe('k8s-course:progress');
	});

	it('counts attempts and keeps only the latest submission', () => {
		const store = createProgressStore({ storage: createMemoryStorage(), now: fixedNow });
		store.saveQuiz('day-1', { answers: { q: ['a'] }, score: 0, maxScore: 1 });
		const second = store.saveQuiz('day-1', { answers: { q: ['b'], skipped: [] }, score: 1, maxScore: 1 });
		expect(second).toMatchObject({ answers: { q: ['b'] }, score: 1, attempts: 2 });
	});

	it("records the grader's result beside the hand-set lab mark, and unmarking keeps the grader's result", () => {
		const store = createProgressStore({ storage: createMemoryStorage(), now: fixedNow });
		const grader = { score: 80, maxScore: 100, outcome: 'fail' as const, gradedAt: '2026-11-22T15:00:00.000Z' };
		store.recordLabGrade('lab1', grader);
		expect(store.get().labs).toEqual({ lab1: { grader } });
		store.setLabDone('lab1', true);
		expect(store.get().labs).toEqual({ lab1: { grader, doneAt: '2026-11-22T16:00:00.000Z' } });
		store.setLabDone('lab1', false);
		expect(store.get().labs).toEqual({ lab1: { grader } });
		const passed = { ...grader, score: 100, outcome: 'pass' as const };
		store.recordLabGrade('lab1', passed);
		expect(store.get().labs.lab1?.grader).toEqual(passed);
	});

	it('unmarks pages and labs', () => {
		const store = createProgressStore({ storage: createMemoryStorage() });
		store.markPageRead('day-2/alerting', true);
		store.markPageRead('day-2/alerting', false);
		store.setLabDone('lab3', true);
		store.setLabDone('lab3', false);
		expect(store.get().pages).toEqual({});
		expect(store.get().labs).toEqual({});
	});

	it('reloads what an earlier page saved', () => {
		const storage = createMemoryStorage();
		createProgressStore({ storage }).saveQuiz('module-04', { answers: { q: ['a'] }, score: 1, maxScore: 1 });
		const later = createProgressStore({ storage });
		expect(later.loadStatus).toBe('ok');
		expect(later.get().quizzes['module-04']?.score).toBe(1);
	});

	it('discards a value that is not JSON instead of crashing, and starts empty', () => {
		const storage = storageWith('sre-course:progress', '{"version":1,"pages":');
		const store = createProgressStore({ storage });
		expect(store.loadStatus).toBe('discarded');
		expect(store.get().pages).toEqual({});
		store.markPageRead('index', true);
		expect(JSON.parse(storage.getItem('sre-course:progress') ?? '{}').pages).toHaveProperty('index');
	});

	it('drops only the damaged entries and reports a repair', () => {
		const document = {
			version: 2,
			pages: { 'day-1/what-is-sre': { readAt: '2026-11-22T09:00:00Z' }, 'day-1/bad': { readAt: 'soon' } },
			quizzes: {},
			labs: {},
		};
		const store = createProgressStore({ storage: storageWith('sre-course:progress', JSON.stringify(document)) });
		expect(store.loadStatus).toBe('repaired');
		expect(Object.keys(store.get().pages)).toEqual(['day-1/what-is-sre']);
	});

	it('leaves data from a newer site version untouched and works in memory', () => {
		const newer = JSON.stringify({ version: 3, everything: 'different' });
		const storage = storageWith('sre-course:progress', newer);
		const store = createProgressStore({ storage });
		expect(store.loadStatus).toBe('newer');
		expect(store.persistent).toBe(false);
		store.setLabDone('lab1', true);
		expect(store.get().labs).toHaveProperty('lab1');
		expect(storage.getItem('sre-course:progress')).toBe(newer);
	});

	it('falls back to memory when a write fails (quota, revoked storage)', () => {
		const failing: KeyValueStorage = {
			getItem: () => null,
			setItem: () => {
				throw new DOMException('full', 'QuotaExceededError');
			},
			removeItem: () => {},
		};
		const store = createProgressStore({ storage: failing });
		expect(store.persistent).toBe(true);
		store.markPageRead('index', true);
		expect(store.persistent).toBe(false);
		expect(store.get().pages).toHaveProperty('index');
	});

	it('notifies subscribers of every change until they unsubscribe', () => {
		const store = createProgressStore({ storage: createMemoryStorage() });
		const seen: number[] = [];
		const unsubscribe = store.subscribe((progress) => seen.push(Object.keys(progress.labs).length));
		store.setLabDone('lab1', true);
		store.setLabDone('lab2', true);
		unsubscribe();
		store.reset();
		expect(seen).toEqual([1, 2]);
		expect(store.get().labs).toEqual({});
	});

	it('reload picks up a change made by another tab', () => {
		const storage = createMemoryStorage();
		const tabA = createProgressStore({ storage });
		const tabB = createProgressStore({ storage });
		const origins: string[] = [];
		tabB.subscribe((_progress, origin) => origins.push(origin));
		tabA.setLabDone('lab2', true);
		expect(tabB.get().labs).toEqual({});
		tabB.reload();
		expect(tabB.get().labs).toHaveProperty('lab2');
		// Marked as a reload, so the browser glue does not re-broadcast it (which would loop between copies).
		expect(origins).toEqual(['reload']);
	});
});

describe('resolveStorage', () => {
	it('uses localStorage when a test write succeeds', () => {
		const local = createMemoryStorage();
		expect(resolveStorage(() => local, 'probe')).toEqual({ storage: local, persistent: true });
		expect(local.getItem('probe')).toBeNull();
	});

	it('falls back to memory when merely touching localStorage throws (blocked site data)', () => {
		const resolved = resolveStorage(() => {
			throw new DOMException('denied', 'SecurityError');
		}, 'probe');
		expect(resolved.persistent).toBe(false);
		resolved.storage.setItem('k', 'v');
		expect(resolved.storage.getItem('k')).toBe('v');
	});

	it('falls back to memory when the first write throws (some private modes)', () => {
		const readOnly: KeyValueStorage = {
			getItem: () => null,
			setItem: () => {
				throw new DOMException('full', 'QuotaExceededError');
			},
			removeItem: () => {},
		};
		expect(resolveStorage(() => readOnly, 'probe').persistent).toBe(false);
	});
});
