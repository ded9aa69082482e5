import * as z from 'zod';
import {
  assistedAnswerResultSchema,
  assistedAnswerSchema,
  assistedChannelBodySchema,
  assistedCommentResultSchema,
  assistedCommentSchema,
  assistedIdeaResultSchema,
  assistedIdeaSchema,
  assistedLookupQuerySchema,
  assistedPersonCreateSchema,
  assistedPersonDataSchema,
  assistedPersonListSchema,
  assistedPersonSchema,
  assistedReceiptResultSchema,
  assistedVoteResultSchema,
  claimResultSchema,
  claimSchema,
} from '../../schemas/assisted';
import { slugSchema, ulidSchema } from '../../schemas/text';
import { processParams } from '../params';
import { bindRoutes, type RouteSchemas } from '../bind';
import type { assistedRouteMeta } from './assisted.meta';

const personParams = z.object({ processId: slugSchema, personId: ulidSchema }).strict();
const personIdeaParams = personParams.extend({ ideaId: ulidSchema }).strict();

/** Assisted participation's routes bound to their schemas (see `../routes.ts`). */
export const assistedRouteSchemas = {
  assistedPersons: { params: processParams, query: assistedLookupQuerySchema, response: assistedPersonListSchema },
  createAssistedPerson: { params: processParams, body: assistedPersonCreateSchema, response: assistedPersonSchema },
  assistedPerson: { params: personParams, response: assistedPersonSchema },
  assistedIdea: { params: personParams, body: assistedIdeaSchema, response: assistedIdeaResultSchema },
  assistedVote: { params: personIdeaParams, body: assistedChannelBodySchema, response: assistedVoteResultSchema },
  assistedUnvote: { params: personIdeaParams, body: assistedChannelBodySchema, response: assistedVoteResultSchema },
  assistedComment: { params: personParams, body: assistedCommentSchema, response: assistedCommentResultSchema },
  assistedSurveyAnswer: { params: personParams, body: assistedAnswerSchema, response: assistedAnswerResultSchema },
  assistedReceipt: { params: personParams, body: assistedChannelBodySchema, response: assistedReceiptResultSchema },
  exportAssistedPerson: { params: personParams, response: assistedPersonDataSchema },
  eraseAssistedPerson: { params: personParams, response: z.never() },
  claimAssisted: { body: claimSchema, response: claimResultSchema },
} as const satisfies Record<keyof typeof assistedRouteMeta, RouteSchemas>;

/** What the assisted function imports: these routes and no other area's schemas. */
export const assistedRoutes = bindRoutes(assistedRouteSchemas);
