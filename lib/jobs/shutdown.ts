// Work that must finish before the process exits on SIGTERM/SIGINT (buffered request logs, in-flight
// webhook attempts). One handler runs every task together, waits at most 5 s, then re-raises the
// signal so the process ends as it would have.
const tasks = new Map<string, () => Promise<unknown>>();
let installed = false;

export function onShutdown(name: string, task: () => Promise<unknown>): void {
  tasks.set(name, task);
  if (installed) return;
  installed = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      const exit = () => process.kill(process.pid, signal);
      const timeout = setTimeout(exit, 5_000);
      void Promise.allSettled(
        [...tasks].map(([taskName, run]) =>
          run().catch((error: unknown) => console.error(`${taskName}: shutdown failed:`, (error as Error).message)),
        ),
      ).finally(() => {
        clearTimeout(timeout);
        exit();
      });
    });
  }
}
