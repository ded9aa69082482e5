import { inSentence, statusLabels } from '#shared/rules/labels';
import type { PublicStatus } from '#shared/rules/values';
import type { IdeaModeration } from '#shared/schemas/moderation';
import { ideaLink, myPageLink } from './links';
import type { IdeaRecord } from './ports';

/** A status in the words the site uses (shared/rules/labels.ts). */
const statusName = (status: PublicStatus) => statusLabels[status].da;

/**
 * The email an author gets about a decision on their idea (Danish; plain text), linking on `siteUrl`,
 * the site's absolute address. Decisions that take something away always carry the moderator's
 * reason, as Danish administrative law expects.
 */
export function ideaMail(idea: IdeaRecord, command: IdeaModeration, siteUrl: string): { subject: string; text: string } | undefined {
  // A rejected or hidden idea is not public any more: its author finds it on "Min side". Absolute:
  // the mail is read in a mail program, not on the site.
  const publicAfter = command.action !== 'reject' && command.action !== 'hide';
  const link = publicAfter ? ideaLink(siteUrl, idea) : myPageLink(siteUrl);
  const hello = `Kære ${idea.authorName}\n\n`;
  const bye = `\n\nSe din idé: ${link}\n\nVenlig hilsen\nDeltag – Gentofte Kommune\n\nDu får denne mail, fordi du har delt en idé på Deltag.`;
  switch (command.action) {
    case 'publish':
      return { subject: `Din idé er offentliggjort: ${idea.title}`, text: `${hello}Din idé "${idea.title}" er nu offentliggjort, og andre kan stemme på den og kommentere.${bye}` };
    case 'reject':
      return { subject: `Din idé er afvist: ${idea.title}`, text: `${hello}Din idé "${idea.title}" er afvist af en moderator.\n\nBegrundelse: ${command.reason}${bye}` };
    case 'hide':
      return { subject: `Din idé er skjult: ${idea.title}`, text: `${hello}Din idé "${idea.title}" er skjult af en moderator.\n\nBegrundelse: ${command.reason}${bye}` };
    case 'merge':
      return { subject: `Din idé er lagt sammen med en anden: ${idea.title}`, text: `${hello}Din idé "${idea.title}" ligner en anden idé og er lagt sammen med den. Stemmerne tæller med dér.\n\nBegrundelse: ${command.reason}${bye}` };
    case 'set-status': {
      const answer = command.officialAnswer ? `\n\nUdvalgets svar:\n${command.officialAnswer}` : '';
      return { subject: `Ny status for din idé: ${statusName(command.status)}`, text: `${hello}Din idé "${idea.title}" har nu status ${inSentence(statusName(command.status))}.${answer}${bye}` };
    }
    case 'restore':
      return undefined;
  }
}
