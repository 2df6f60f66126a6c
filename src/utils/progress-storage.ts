/**
 * The slice of the Web Storage API the progress store needs, so tests can pass a fake and the store
 * can fall back to memory.
 */
export interface KeyValueStorage {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

/** A Map behind the Storage interface: progress lasts until the tab closes. */
export function createMemoryStorage(): KeyValueStorage {
	const values = new Map<string, string>();
	return {
		getItem: (key) => values.get(key) ?? null,
		setItem: (key, value) => {
			values.set(key, value);
		},
		removeItem: (key) => {
			values.delete(key);
		},
	};
}

export interface ResolvedStorage {
	storage: KeyValueStorage;
	/** False when progress only lives in memory: private windows with storage blocked, disabled cookies. */
	persistent: boolean;
}

/**
 * localStorage if it really works, memory otherwise. Merely reading `window.localStorage` throws when
 * site data is blocked, and some private modes accept the object but throw on the first write, so a
 * throwaway write is the only reliable test.
 */
export function resolveStorage(
	getLocalStorage: () => KeyValueStorage | undefined,
	probeKey: string,
	createFallback: () => KeyValueStorage = createMemoryStorage,
): ResolvedStorage {
	try {
		const storage = getLocalStorage();
		if (storage) {
			storage.setItem(probeKey, '1');
			storage.removeItem(probeKey);
			return { storage, persistent: true };
		}
	} catch {
		// Fall through to memory: the learner can still use the quizzes, they just are not kept.
	}
	return { storage: createFallback(), persistent: false };
}
