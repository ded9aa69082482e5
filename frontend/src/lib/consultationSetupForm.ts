import type { ConsultationSetupSave } from '#shared/schemas/consultation';
import type { ConsultationSetup } from '../api/consultationWorkspace';
import { instantOf, toCopenhagenInput } from './copenhagenInput';
import { optionalTextOf, pairOf, textOf, type TextPair } from './consultationForm';

/**
 * The setup form's model (every text as Danish + English strings, dates as the fields show them in
 * Danish time) and its conversion to and from what the API reads and takes. `key` keeps Vue's list
 * identity across moves; `original*` keep an untouched date's exact instant.
 */
export interface ReferenceItemForm {
  key: number;
  id: string;
  label: TextPair;
  description: TextPair;
}
export interface RoundForm {
  key: number;
  id: string;
  kind: 'invited' | 'public';
  title: TextPair;
  description: TextPair;
  startsAt: string;
  endsAt: string;
  originalStartsAt?: string;
  originalEndsAt?: string;
  /** From the stored setup: the join link's token and how many have joined. */
  inviteToken?: string;
  memberCount?: number;
  /** Stored already (invitations need a stored round). */
  saved: boolean;
}
export interface SetupForm {
  listName: TextPair;
  items: ReferenceItemForm[];
  rounds: RoundForm[];
}

let keys = 0;
export const nextKey = () => ++keys;

export function toForm(setup: ConsultationSetup | undefined): SetupForm {
  return {
    listName: pairOf(setup?.references?.name),
    items: (setup?.references?.items ?? []).map((i) => ({ key: nextKey(), id: i.id, label: pairOf(i.label), description: pairOf(i.description) })),
    rounds: (setup?.rounds ?? []).map((r) => ({
      key: nextKey(),
      id: r.id,
      kind: r.kind,
      title: pairOf(r.title),
      description: pairOf(r.description),
      startsAt: toCopenhagenInput(r.startsAt),
      endsAt: toCopenhagenInput(r.endsAt),
      originalStartsAt: r.startsAt,
      originalEndsAt: r.endsAt,
      inviteToken: r.inviteToken,
      memberCount: r.memberCount,
      saved: true,
    })),
  };
}

/** The form as the API takes it (without the version); a reference list only when it has a name or items. */
export function fromForm(form: SetupForm): Omit<ConsultationSetupSave, 'expectedUpdatedAt'> {
  const hasList = form.listName.da.trim() || form.listName.en.trim() || form.items.length > 0;
  return {
    ...(hasList
      ? {
          references: {
            name: textOf(form.listName),
            items: form.items.map((i) => {
              const description = optionalTextOf(i.description);
              return { id: i.id.trim(), label: textOf(i.label), ...(description ? { description } : {}) };
            }),
          },
        }
      : {}),
    rounds: form.rounds.map((r) => {
      const description = optionalTextOf(r.description);
      return {
        id: r.id.trim(),
        kind: r.kind,
        title: textOf(r.title),
        ...(description ? { description } : {}),
        startsAt: instantOf(r.startsAt, r.originalStartsAt),
        endsAt: instantOf(r.endsAt, r.originalEndsAt),
      };
    }),
  };
}

/** A new round's id: `foelgegruppe` for the first invited one, `offentlig` for the first public one, then numbered. */
export function newRoundId(kind: RoundForm['kind'], taken: readonly string[]): string {
  const base = kind === 'invited' ? 'foelgegruppe' : 'offentlig';
  if (!taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

export const newRound = (kind: RoundForm['kind'], taken: readonly string[]): RoundForm => ({
  key: nextKey(),
  id: newRoundId(kind, taken),
  kind,
  title: { da: '', en: '' },
  description: { da: '', en: '' },
  startsAt: '',
  endsAt: '',
  saved: false,
});

/** The round's join link: the public join page, /forloeb/<id>/hoering/runde/<round>?token=…, joins the signed-in reader. */
export const joinLink = (origin: string, processId: string, roundId: string, token: string) =>
  `${origin}/forloeb/${encodeURIComponent(processId)}/hoering/runde/${encodeURIComponent(roundId)}?${new URLSearchParams({ token }).toString()}`;

/** A textarea of addresses (lines, commas, semicolons or spaces between them) → the distinct addresses, lower-cased. */
export const emailsOf = (text: string): string[] => [...new Set(text.split(/[\s,;]+/).map((e) => e.trim().toLowerCase()).filter(Boolean))];
