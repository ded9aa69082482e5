import type { MySignup } from '#shared/schemas/events';
import type { SignupRecord, SignupStore } from './ports';

/** What a person sees of their own sign-up: their needs, the state and, on the waiting list, their place in it. */
export async function ownSignup(signups: Pick<SignupStore, 'positionOf'>, s: SignupRecord): Promise<MySignup> {
  return {
    id: s.id,
    processId: s.processId,
    eventId: s.eventId,
    state: s.state,
    ...(s.state === 'waiting' ? { position: Math.max(1, await signups.positionOf(s)) } : {}),
    signedUpAt: s.signedUpAt,
    ...(s.promotedAt ? { promotedAt: s.promotedAt } : {}),
    ...(s.checkedInAt ? { checkedInAt: s.checkedInAt } : {}),
    diet: s.diet ?? [],
    ...(s.dietNote ? { dietNote: s.dietNote } : {}),
    ...(s.accessibility ? { accessibility: s.accessibility } : {}),
    ...(s.note ? { note: s.note } : {}),
  };
}
