import type { AssistedPerson, AssistedPersonSummary } from '#shared/schemas/assisted';
import type { UserItems } from '../ports';
import { contactHint } from './contact';
import type { AssistedPersonRecord } from './ports';

/** A person as the lookup lists them: contact details masked. */
export function toSummary(person: AssistedPersonRecord): AssistedPersonSummary {
  const hint = contactHint(person);
  return {
    id: person.id,
    name: person.name,
    ...(hint ? { contactHint: hint } : {}),
    participantType: person.participantType,
    createdAt: person.createdAt,
    claimed: !!person.claimedBy,
  };
}

/**
 * A person in full, for the assistant acting for them, with what they have taken part with under
 * their identity (the byUser index: the same read as a user's own data export). The consent shows
 * the assistant's name, not their id: the screen is read with the citizen.
 */
export function toPersonView(person: AssistedPersonRecord, items: UserItems): AssistedPerson {
  const { assistantId: _id, ...consent } = person.consent;
  return {
    ...toSummary(person),
    processId: person.processId,
    ...(person.email ? { email: person.email } : {}),
    ...(person.phone ? { phone: person.phone } : {}),
    consent,
    ideas: items.ideas
      .filter((i) => i.processId === person.processId)
      .map((i) => ({ id: i.id, title: i.title, status: i.status, ...(i.channel ? { channel: i.channel } : {}), createdAt: i.createdAt })),
    votedIdeaIds: items.votes.filter((v) => v.processId === person.processId).map((v) => v.ideaId),
    comments: items.comments.filter((c) => c.processId === person.processId && c.state !== 'deleted').length,
    surveyAnswered: items.surveysAnswered.includes(person.processId),
  };
}
