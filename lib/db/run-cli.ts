// One bootstrap for the operator CLIs (keys, partners, worker, db:migrate, db:seed) and the benchmarks:
// validate the environment, open the database (DATABASE_URL, or the embedded one, joining a running
// app's), refuse pending migrations, point lib/db/client.ts at it, run, close everything, and turn
// what went wrong into one clear message and an exit code (no stack trace for an operator's mistake).
import { ZodError } from "zod";
import { env, EnvError } from "../env";
import { AppError } from "../errors/app-error";
import { onShutdown } from "../jobs/shutdown";
import { closeDb, configureDatabase } from "./client";
import { pendingMigrations } from "./migrate";
import { openDatabase, type OpenDatabase } from "./open-database";
import { checkConnection, DatabaseUnreachableError } from "./prepare-database";

/** The command line was wrong: the message, then the usage text; exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** A refusal an operator can act on (exit code 1), e.g. pending migrations. */
export class CliError extends Error {
  override name = "CliError";
}

export interface CliOptions {
  /** Names the command in messages and in the shutdown log, e.g. "keys". */
  name: string;
  /** Refuse to run while migrations are pending (all but db:migrate and db:seed). */
  requireMigrated: boolean;
  /** Printed after a UsageError. */
  usage?: string;
  /** Which database to open; openDatabase() unless given (the benchmarks open their own). */
  open?: () => Promise<OpenDatabase>;
}

/** What a long-running command (the worker) returns: it runs until SIGTERM/SIGINT, then this stops it. */
export interface Running {
  stop(): Promise<void>;
}

/** The message and exit code for an error that ends a CLI. */
export function cliFailure(error: unknown, options: { name: string; usage?: string }): { message: string; exitCode: number } {
  // node:util parseArgs refuses unknown or malformed options with codes ERR_PARSE_ARGS_*.
  const parseArgsError = error instanceof TypeError && String((error as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS");
  if (error instanceof UsageError || parseArgsError)
    return { message: options.usage ? `${error.message}\n\n${options.usage}` : error.message, exitCode: 2 };
  if (error instanceof ZodError)
    return { message: error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`).join("\n"), exitCode: 1 };
  if (error instanceof EnvError || error instanceof AppError || error instanceof CliError || error instanceof DatabaseUnreachableError) {
    return { message: error.message, exitCode: 1 };
  }
  return { message: `${options.name} failed: ${error instanceof Error ? error.message : String(error)}`, exitCode: 1 };
}

/**
 * Runs `work` against the database and sets the exit code. A `work` that returns a Running keeps the
 * database open until SIGTERM/SIGINT (lib/jobs/shutdown.ts), then stops it and closes everything.
 */
export async function runWithDatabase(options: CliOptions, work: (database: OpenDatabase) => Promise<void | Running>): Promise<void> {
  let database: OpenDatabase | null = null;
  const close = async () => {
    await closeDb();
    await database?.close();
  };
  try {
    env(); // every variable is checked before anything starts
    database = await (options.open ?? openDatabase)();
    await checkConnection(database.url);
    if (options.requireMigrated) {
      const pending = await pendingMigrations(database.url);
      if (pending.length > 0) {
        throw new CliError(
          `The database has ${pending.length} pending migration(s) (${pending.join(", ")}): run \`npm run db:migrate\` or \`npm start\` first.`,
        );
      }
    }
    configureDatabase({ url: database.url, poolSize: database.poolSize });
    const running = await work(database);
    if (running) {
      onShutdown(options.name, async () => {
        await running.stop();
        await close();
      });
      return;
    }
  } catch (error) {
    const failure = cliFailure(error, options);
    console.error(failure.message);
    process.exitCode = failure.exitCode;
  }
  await close().catch((error: unknown) => console.error(`${options.name}: closing the database failed: ${(error as Error).message}`));
}
