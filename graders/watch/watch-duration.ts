const unitMs = { s: 1000, m: 60_000, h: 3_600_000 } as const;

/**
 * Parses `--every`, `--stuck-after` and `--grace`: `90s`, `2m`, `1h` (seconds so the tests and a
 * quick demo can use short rounds). Null for anything else or out of `[minMs, maxMs]`.
 */
export function parseWatchDuration(text: string, minMs: number, maxMs: number): number | null {
	const match = /^(\d+)([smh])$/.exec(text.trim());
	if (!match) return null;
	const ms = Number(match[1]) * unitMs[match[2] as keyof typeof unitMs];
	return ms >= minMs && ms <= maxMs ? ms : null;
}
