import { describe, expect, it } from 'vitest';
import { motoInstallCommand, startMotoServer } from './support/moto-server.ts';

const isRunning = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

describe('the tier starts and stops its own moto server', () => {
	it('fails loudly with the install command when moto_server is missing, never skipping', async () => {
		await expect(startMotoServer('/nonexistent/moto_server')).rejects.toThrow(
			`/nonexistent/moto_server not found. The integration tests run every collector against moto server 5.x; install it with \`${motoInstallCommand}\` (or set MOTO_SERVER to its path). These tests never skip.`,
		);
		expect(motoInstallCommand).toBe('pip install "moto[server]"');
	});

	it('answers on a free loopback port, then leaves no process behind', async () => {
		const moto = await startMotoServer();
		expect(moto.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		const answer = await fetch(`${moto.endpoint}/moto-api/data.json`);
		expect(answer.ok).toBe(true);
		await answer.body?.cancel();
		expect(isRunning(moto.pid)).toBe(true);
		await moto.stop();
		expect(isRunning(moto.pid)).toBe(false);
		await moto.stop();
	});
});
