// A second app server for a spec that needs settings of its own (a short sudo window): the same build,
// a fresh embedded database of its own, started and stopped by the spec.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { childProcessEnv } from "../lib/env";

export interface SecondServer {
  baseURL: string;
  stop(): Promise<void>;
}

export async function startSecondServer(port: number, settings: Record<string, string>): Promise<SecondServer> {
  const dataDir = `.data/e2e-${port}`;
  rmSync(dataDir, { recursive: true, force: true });
  const child: ChildProcess = spawn("npx", ["tsx", "scripts/start.ts"], {
    env: childProcessEnv({
      ...settings,
      PORT: String(port),
      PGLITE_DATA_DIR: dataDir,
      NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret",
    }),
    stdio: "ignore",
    detached: true,
  });
  const baseURL = `http://localhost:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid, "SIGTERM");
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the second server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseURL}/login`)).ok) return { baseURL, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error("the second server did not start within 2 minutes");
}
