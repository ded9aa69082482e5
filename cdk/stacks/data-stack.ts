import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { indexProjection, tables as tableDefs, type KeyDef, type TableDef } from '#functions/adapters/dynamodb/tables';

export interface BoundTable {
  table: Table;
  def: TableDef;
}

const attr = (key: KeyDef) => ({
  name: key.name,
  type: key.type === 'N' ? AttributeType.NUMBER : AttributeType.STRING,
});

/** Every table of `functions/src/adapters/dynamodb/tables.ts`, built from its definition (the local bootstrap reads the same). */
export class DataStack extends Stack {
  /** Keyed by `TableDef.id`. */
  readonly tables: Record<string, BoundTable>;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.tables = Object.fromEntries(tableDefs.map((def) => [def.id, { table: this.createTable(def), def }]));
    // `npm run setup -- --stage aws` finds the tables by these outputs (e.g. MainTableName).
    for (const { table, def } of Object.values(this.tables)) new CfnOutput(this, `${def.id}TableName`, { value: table.tableName });
  }

  private createTable(def: TableDef): Table {
    const table = new Table(this, def.id, {
      partitionKey: attr(def.partitionKey),
      sortKey: attr(def.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: def.ttlAttribute,
      // The search projector reads it (issue 18; cdk/constructs/search-projector.ts).
      stream: def.stream ? StreamViewType[def.stream] : undefined,
      encryption: TableEncryption.AWS_MANAGED,
      // Citizens' ideas and votes: neither a stack deletion nor a console slip may drop them.
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
    });
    for (const index of def.indexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: attr(index.partitionKey),
        sortKey: attr(index.sortKey),
        projectionType: indexProjection(index).ProjectionType as ProjectionType,
        nonKeyAttributes: indexProjection(index).NonKeyAttributes,
      });
    }
    return table;
  }
}
