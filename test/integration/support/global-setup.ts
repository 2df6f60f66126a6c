import type { TestProject } from 'vitest/node';
import { startMotoServer } from './moto-server.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** moto server's endpoint, e.g. `http://127.0.0.1:38211`. */
		motoEndpoint: string;
	}
}

/**
 * One moto server for the whole integration tier: each lab's file seeds its own Region (see
 * labRegions), so files run in parallel without seeing each other's resources. Without moto the
 * run fails here, with the install command.
 */
export default async function setup(project: TestProject) {
	const moto = await startMotoServer();
	project.provide('motoEndpoint', moto.endpoint);
	return () => moto.stop();
}
