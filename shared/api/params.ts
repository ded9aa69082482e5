import * as z from 'zod';
import { slugSchema, ulidSchema } from '../schemas/text';
import { schema } from '../schemas/define';

/** Path parameters several areas' routes share. */
export const processParams = /* @__PURE__ */ schema(() => z.object({ processId: slugSchema }).strict());
export const ideaParams = /* @__PURE__ */ schema(() => z.object({ ideaId: ulidSchema }).strict());
export const commentParams = /* @__PURE__ */ schema(() => z.object({ commentId: ulidSchema }).strict());
export const documentParams = /* @__PURE__ */ schema(() => z.object({ processId: slugSchema, documentId: slugSchema }).strict());
export const responseParams = /* @__PURE__ */ schema(() => z.object({ responseId: ulidSchema }).strict());
export const roundParams = /* @__PURE__ */ schema(() => z.object({ processId: slugSchema, roundId: slugSchema }).strict());
/** A Cognito user's `sub`. */
export const userParams = /* @__PURE__ */ schema(() => z.object({ userId: z.string().min(1).max(64) }).strict());
