import * as z from 'zod';
import { participantTypes, roles } from '../rules/values';
import { singleLine } from './text';
import { schema } from './define';

export { participantTypes, roles };

export const roleSchema = /* @__PURE__ */ schema(() => z.enum(roles));
export type Role = z.infer<typeof roleSchema>;

export const participantTypeSchema = /* @__PURE__ */ schema(() => z.enum(participantTypes));
export type ParticipantType = z.infer<typeof participantTypeSchema>;

export const profileUpdateSchema = /* @__PURE__ */ schema(() => z
  .object({
    displayName: singleLine(2, 60),
    participantType: participantTypeSchema,
    organisation: singleLine(2, 120).optional(),
  })
  .strict()
  .refine((p) => p.participantType === 'business' || p.organisation === undefined, {
    path: ['organisation'],
    message: 'Organisation kan kun angives for erhvervsdrivende',
  }));
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;

export const profileSchema = /* @__PURE__ */ schema(() => z.object({
  userId: z.string(),
  displayName: z.string(),
  participantType: participantTypeSchema,
  organisation: z.string().optional(),
  roles: z.array(roleSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
}));
export type Profile = z.infer<typeof profileSchema>;
