import { participantTypes, type ParticipantType } from '#shared/rules/values';
import type { AssistedChannel } from '#shared/rules/assisted';
import type { AssistedPersonCreateInput } from '#shared/schemas/assisted';
import type { IdeaCreateInput } from '#shared/schemas/idea';

/**
 * The assisted forms as the fields hold them (empty strings, a plain checkbox) and as the API takes
 * them (an empty optional field left out), so the shared schema judges exactly what is sent.
 */
export interface PersonForm {
  name: string;
  email: string;
  phone: string;
  participantType: ParticipantType;
  channel: AssistedChannel;
  consent: boolean;
}
export const emptyPerson = (channel: AssistedChannel): PersonForm => ({ name: '', email: '', phone: '', participantType: 'citizen', channel, consent: false });

const filled = (value: string) => (value.trim() ? value : undefined);

export function personBody(form: PersonForm): AssistedPersonCreateInput {
  return {
    name: form.name,
    email: filled(form.email),
    phone: filled(form.phone),
    participantType: form.participantType,
    channel: form.channel,
    // Unticked is sent as it is, so the schema's own message ("skal give samtykke") refuses it.
    consent: form.consent as true,
  };
}

export interface IdeaForm {
  title: string;
  body: string;
  plainSummary: string;
  area: string;
  effects: string[];
  beneficiaries: string[];
  concerns: string;
}
export const emptyIdea = (): IdeaForm => ({ title: '', body: '', plainSummary: '', area: '', effects: [], beneficiaries: [], concerns: '' });

export const ideaBody = (form: IdeaForm): IdeaCreateInput => ({
  title: form.title,
  body: form.body,
  area: form.area,
  effects: form.effects,
  beneficiaries: form.beneficiaries as IdeaCreateInput['beneficiaries'],
  concerns: filled(form.concerns),
  plainSummary: filled(form.plainSummary),
});

/** Is anything of the idea typed? (The paper form's idea part is optional: a form may carry only survey answers.) */
export const ideaTyped = (form: IdeaForm) => Boolean(form.title.trim() || form.body.trim() || form.plainSummary.trim() || form.concerns.trim() || form.area || form.effects.length || form.beneficiaries.length);

export { participantTypes };
