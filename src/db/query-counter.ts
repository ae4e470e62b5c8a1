// A Kysely plugin that counts the statements sent to the database (tests and the benchmark check page budgets).
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

export class QueryCounter implements KyselyPlugin {
  count = 0;
  readonly statements: string[] = [];

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count++;
    this.statements.push(args.node.kind);
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }

  reset(): void {
    this.count = 0;
    this.statements.length = 0;
  }
}
