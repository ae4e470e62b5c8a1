// A Kysely plugin that counts the statements the database answered (tests and the benchmark check page budgets).
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

export class QueryCounter implements KyselyPlugin {
  count = 0;
  readonly statements: string[] = [];

  private readonly kinds = new WeakMap<object, string>();

  // Built queries pass here first; compiled ones (src/db/compiled.ts) only through transformResult, so counting is there.
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.kinds.set(args.queryId, args.node.kind);
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.count++;
    this.statements.push(this.kinds.get(args.queryId) ?? 'CompiledQuery');
    return args.result;
  }

  reset(): void {
    this.count = 0;
    this.statements.length = 0;
  }
}
