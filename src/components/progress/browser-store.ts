import { createMemoryStorage, type KeyValueStorage, resolveStorage } from '../../utils/progress-storage.ts';
import { createProgressStore, DEFAULT_PROGRESS_PREFIX, type ProgressStore } from '../../utils/progress-store.ts';

/**
 * The page's progress store. Every client script (quiz, "mark as read", lab toggle, sidebar marks,
 * the progress page) calls this. Astro may bundle those scripts separately, each with its own copy of
 * this module, so copies keep each other current through a window event, and other tabs through the
 * `storage` event.
 */

const CHANGE_EVENT = 'sre-progress-change';
const prefix: string = import.meta.env.PUBLIC_PROGRESS_PREFIX || DEFAULT_PROGRESS_PREFIX;
const instanceId = Math.random().toString(36).slice(2);
let store: ProgressStore | undefined;

/** One memory fallback per page, shared by every copy of this module, so they still see each other. */
function sharedMemoryStorage(): KeyValueStorage {
	const holder = globalThis as { [key: symbol]: KeyValueStorage | undefined };
	const slot = Symbol.for('sre-course:progress-memory');
	holder[slot] ??= createMemoryStorage();
	return holder[slot];
}

export function browserProgressStore(): ProgressStore {
	if (store) return store;
	const { storage, persistent } = resolveStorage(() => window.localStorage, `${prefix}:probe`, sharedMemoryStorage);
	const created = createProgressStore({ prefix, storage, persistent });
	created.subscribe((_progress, origin) => {
		// Only announce our own changes; re-broadcasting reloads would bounce between copies forever.
		if (origin === 'local') window.dispatchEvent(new CustomEvent(CHANGE_EVENT, { detail: instanceId }));
	});
	window.addEventListener(CHANGE_EVENT, (event) => {
		if ((event as CustomEvent<string>).detail !== instanceId) created.reload();
	});
	window.addEventListener('storage', (event) => {
		if (event.key === created.key || event.key === null) created.reload();
	});
	store = created;
	return created;
}
