import * as z from 'zod';
import { slugSchema, ulidSchema } from '../schemas/text';

/** Path parameters several areas' routes share. */
export const processParams = z.object({ processId: slugSchema }).strict();
export const ideaParams = z.object({ ideaId: ulidSchema }).strict();
export const commentParams = z.object({ commentId: ulidSchema }).strict();
export const documentParams = z.object({ processId: slugSchema, documentId: slugSchema }).strict();
export const responseParams = z.object({ responseId: ulidSchema }).strict();
export const roundParams = z.object({ processId: slugSchema, roundId: slugSchema }).strict();
/** A Cognito user's `sub`. */
export const userParams = z.object({ userId: z.string().min(1).max(64) }).strict();
