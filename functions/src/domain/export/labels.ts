import type { Beneficiary, PublicStatus } from '#shared/schemas/idea';

/**
 * The Danish words the committee export uses for the contract's values. The export is a Danish
 * document for a Danish committee, whatever language the reader's app is set to, so these are not
 * in the SPA's message catalogues. Author mails word statuses their own way (domain/notifications.ts).
 */

export const statusNames: Record<PublicStatus, { one: string; many: string }> = {
  published: { one: 'offentliggjort', many: 'offentliggjorte' },
  under_review: { one: 'behandles', many: 'behandlede' },
  selected: { one: 'udvalgt', many: 'udvalgte' },
  not_selected: { one: 'ikke udvalgt', many: 'ikke udvalgte' },
  implemented: { one: 'gennemført', many: 'gennemførte' },
};

export const beneficiaryNames: Record<Beneficiary, string> = {
  citizens: 'borgere',
  businesses: 'virksomheder',
  employees: 'medarbejdere',
  municipality: 'kommunen',
};

/** The audit log's actions, for the overview sheet; an action not listed here shows as recorded. */
export const actionNames: Record<string, string> = {
  publish: 'offentliggjort',
  hide: 'skjult',
  restore: 'gendannet',
  reject: 'afvist',
  merge: 'lagt sammen',
  'set-status': 'status ændret',
  block: 'bruger blokeret',
  unblock: 'blokering ophævet',
  roles: 'roller ændret',
  'comment-hide': 'kommentar skjult',
  'comment-restore': 'kommentar gendannet',
};
