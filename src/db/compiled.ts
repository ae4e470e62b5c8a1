// Queries that Kysely builds and compiles once. The builder runs with placeholders the first time; each call then
// only fills in the values. Measured by `npm run bench`: building and compiling the portal guard's session query
// cost 0.4 ms of CPU per request, the home's task lists 0.2 ms, more than sending them.
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, createQueryId, type CompiledQuery, type Compilable } from 'kysely';
import type { Database } from './database.ts';

class Placeholder {
  constructor(readonly name: string) {}
}

// Builds SQL only (PostgreSQL's dialect, which PGlite speaks too); never connects.
const builder = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/**
 * `build` receives a builder and stand-ins for the parameters; use them only as values (never to choose the shape
 * of the query: build one compiled query per shape instead). The result runs on any of our databases.
 */
export function compiledQuery<P extends object, R>(build: (db: Kysely<Database>, params: P) => Compilable<R>): (db: Kysely<Database>, params: P) => Promise<R[]> {
  let compiled: CompiledQuery<R> | undefined;
  return async (db, params) => {
    compiled ??= build(builder, new Proxy({}, { get: (_, name) => new Placeholder(String(name)) }) as P).compile();
    const values = params as Record<string, unknown>;
    const parameters = compiled.parameters.map((value) => (value instanceof Placeholder ? values[value.name] : value));
    const result = await db.executeQuery<R>({ ...compiled, parameters, queryId: createQueryId() });
    return result.rows;
  };
}
