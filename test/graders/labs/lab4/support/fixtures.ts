import { readFileSync } from 'node:fs';
import { parseSnapshot } from '../../../../../graders/engine/snapshot.ts';
import type { Snapshot } from '../../../../../graders/engine/types.ts';
import type { Lab4FixtureName } from './lab4-scenarios.ts';

export const fixturePath = (name: string) =>
	new URL(`../../../../fixtures/snapshots/lab4/${name}.json`, import.meta.url).pathname;

/** A fresh copy of a committed Lab 4 fixture, safe to edit. */
export function loadFixture(name: Lab4FixtureName): Snapshot {
	return parseSnapshot(readFileSync(fixturePath(name), 'utf8'), fixturePath(name));
}
