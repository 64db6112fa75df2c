// Once per `vitest run`: one migrated database that every test file copies (see test-database.ts).
import type { TestProject } from "vitest/node";
import { createDatabaseTemplate, type DatabaseTemplate } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplate: DatabaseTemplate;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { template, drop } = await createDatabaseTemplate();
  project.provide("databaseTemplate", template);
  return drop;
}
