// use case --> (secondary adapter) --> DynamoDB
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { IdeaRecord } from '../../domain/ports';
import { fromItem } from './ideas';
import { keys } from './keys';

/**
 * The idea page's read (getIdea, issue 19): the idea item in one GetItem, and from the same item
 * whether a recommendation ever took the idea up. The recommendation's transaction sets `takenUp` on
 * the idea item with its TAKENUP#<ideaId> items (recommendations.ts) and never clears it, so an idea
 * without the mark has no "taken up by" list and the page needs no second read (the Query of
 * TAKENUP#<ideaId>): one DynamoDB round trip for nearly every idea. The mark is internal (ideas.ts
 * INTERNAL): no reader shows it.
 */
export interface IdeaPageRead {
  idea: IdeaRecord;
  /** A recommendation took it up at some time (the list may be empty again since). */
  takenUp: boolean;
}

export const TAKEN_UP_MARK = 'takenUp';

export function ideaPageReader(client: DynamoDBDocumentClient, table: string) {
  return {
    async read(ideaId: string): Promise<IdeaPageRead | undefined> {
      const { Item } = await client.send(new GetCommand({ TableName: table, Key: keys.idea(ideaId) }));
      return Item ? { idea: fromItem(Item), takenUp: Item[TAKEN_UP_MARK] === true } : undefined;
    },
  };
}
