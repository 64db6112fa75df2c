// Prisma CLI configuration used only by scripts/db-new-migration.ts, to diff an already migrated database
// (DATABASE_URL) against a schema file with Prisma's own differ and the WebAssembly schema engine.
// With `engine: "js"` the CLI refuses `--from-url`; `--from-migrations` with an empty migrations folder
// instead describes the adapter's "shadow database" as it is, so the shadow database here is DATABASE_URL.
// adapter-pg cannot read two catalog column types the schema engine selects (prisma/orm#27403):
// `name` is handed over as text, `"char"` as a one-character value.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { defineConfig } from "prisma/config";

const NAME_OID = 19;
const NAME_ARRAY_OID = 1003;
const CHAR_OID = 18;
const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;
const CHARACTER_COLUMN_TYPE = 6; // ColumnTypeEnum.Character of @prisma/driver-adapter-utils

// adapter-pg passes pg's rows array through unchanged, so it identifies a result in both layers.
const characterColumnsOfRows = new WeakMap<object, number[]>();

function retypeCatalogFields(result: pg.QueryResult): void {
  const characterColumns: number[] = [];
  result.fields.forEach((field, index) => {
    if (field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
    else if (field.dataTypeID === NAME_ARRAY_OID) field.dataTypeID = TEXT_ARRAY_OID;
    else if (field.dataTypeID === CHAR_OID) {
      field.dataTypeID = TEXT_OID;
      characterColumns.push(index);
    }
  });
  if (characterColumns.length > 0) characterColumnsOfRows.set(result.rows, characterColumns);
}

function retypeResults<T>(results: T): T {
  for (const result of Array.isArray(results) ? results : [results]) {
    if (result && Array.isArray((result as pg.QueryResult).fields)) retypeCatalogFields(result as pg.QueryResult);
  }
  return results;
}

type AnyQuery = (...args: unknown[]) => unknown;

// Results are retyped in pg's client, before adapter-pg maps field types and throws on unknown ones.
class CatalogTypesClient extends pg.Client {
  constructor(config?: pg.ClientConfig) {
    super(config);
    const query = (this.query as AnyQuery).bind(this);
    (this as unknown as { query: AnyQuery }).query = (...args) => {
      const callbackIndex = args.findIndex((arg) => typeof arg === "function");
      if (callbackIndex >= 0) {
        const callback = args[callbackIndex] as (error: unknown, results: unknown) => void;
        args[callbackIndex] = (error: unknown, results: unknown) => callback(error, results && retypeResults(results));
        return query(...args);
      }
      const returned = query(...args);
      return returned instanceof Promise ? returned.then(retypeResults) : returned;
    };
  }
}

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

function withCharacterColumns(adapter: PgAdapter): PgAdapter {
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const resultSet = await queryRaw(query);
    for (const index of characterColumnsOfRows.get(resultSet.rows) ?? []) {
      resultSet.columnTypes[index] = CHARACTER_COLUMN_TYPE;
    }
    return resultSet;
  };
  return adapter;
}

class MigratedDatabaseAdapterFactory extends PrismaPg {
  override async connect(): Promise<PgAdapter> {
    return withCharacterColumns(await super.connect());
  }

  // The migrated database is the one to describe, not a fresh database created beside it.
  override async connectToShadowDb(): Promise<PgAdapter> {
    return this.connect();
  }
}

const connectionString = process.env.DATABASE_URL;
if (!connectionString) throw new Error("DATABASE_URL must point at the migrated database to diff.");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  // allowExitOnIdle: the CLI would otherwise wait out pg's idle timeout before exiting.
  adapter: async () => new MigratedDatabaseAdapterFactory({ connectionString, Client: CatalogTypesClient, allowExitOnIdle: true }),
});
