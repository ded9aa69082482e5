import type { Round } from '#shared/schemas/consultation';
import type { Process } from '#shared/schemas/process';
import { localDateTime } from '../../lib/copenhagen-time';

/**
 * The e-mail an invited person gets (Danish, plain text): which round of which process, when it is
 * open, and the join link. The same text for everyone invited at once, so it names nobody.
 */
export function invitationMail(process: Pick<Process, 'title'>, round: Round, link: string): { subject: string; text: string } {
  const about = round.description ? `\n\n${round.description.da}` : '';
  return {
    subject: `Invitation: ${round.title.da}`,
    text:
      `Hej\n\nDu er inviteret til "${round.title.da}" i forløbet "${process.title.da}" på Deltag – Gentofte Kommune.${about}\n\n` +
      `Runden er åben fra ${localDateTime(new Date(round.startsAt))} til ${localDateTime(new Date(round.endsAt))}.\n\n` +
      `Log ind, eller opret dig med denne e-mailadresse, og åbn linket:\n${link}\n\n` +
      `Venlig hilsen\nDeltag – Gentofte Kommune\n\nDu får denne mail, fordi sekretariatet har inviteret dig til runden.`,
  };
}
