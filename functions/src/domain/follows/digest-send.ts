import { DEFAULT_QUEUE_ALERT_HOURS } from '#shared/rules/follow';
import { mailAddress, type Notifier, type ProcessStore, type SigningKey, type UserDirectory } from '../ports';
import { unsubscribeApiLink } from '../links';
import { digestMail, type BuiltMail } from './digest-mail';
import { mailSlot, type DigestStore, type MailMessage } from './digest-ports';
import { deadlineReminderMail, heldAlertMail, queueAlertMail } from './staff-mail';
import { signUnsubscribe } from './unsubscribe-token';

/**
 * The digest run's sending half (issue 16): one queued message, one mail, at most once.
 *
 * The mail record (user, kind, period) is claimed with a conditional put before anything is sent, so a
 * message delivered twice (SQS is at-least-once) or planned by two runs is sent once. If sending
 * throws, the claim is deleted and the error rethrown: the queue tries again and the inbox is still
 * there. A record left `claimed` by a crash after the mail went is never sent again (the caller logs
 * `claimed` outcomes): a lost mail is better than a mail twice.
 */
export interface SendDeps {
  digests: DigestStore;
  directory: Pick<UserDirectory, 'findById'>;
  notifier: Notifier;
  signingKey: SigningKey;
  siteUrl: () => Promise<string>;
  processes: Pick<ProcessStore, 'get'>;
}

/** sent; skipped: its slot was claimed already; empty: nothing left to tell; dropped: no address (marked, not retried). */
export type SendOutcome = 'sent' | 'skipped' | 'empty' | 'dropped';

export async function sendMailMessage(deps: SendDeps, message: MailMessage, now: Date): Promise<SendOutcome> {
  const { userId } = message;
  const slot = mailSlot(message);
  const events = message.kind === 'digest' ? await deps.digests.inbox(userId) : [];
  if (message.kind === 'digest' && events.length === 0) {
    await deps.digests.clearInbox(userId, []);
    return 'empty';
  }
  const eventIds = events.map((e) => e.id);
  if (!(await deps.digests.claim(userId, slot.kind, slot.period, eventIds, now))) return 'skipped';

  try {
    const to = mailAddress(await deps.directory.findById(userId));
    if (!to) {
      // The account is gone (or has no verified address): nothing to send; the inbox goes too.
      await deps.digests.markSent(userId, slot.kind, slot.period, 'dropped', now);
      if (message.kind === 'digest') await deps.digests.clearInbox(userId, eventIds);
      return 'dropped';
    }
    const siteUrl = await deps.siteUrl();
    const token = signUnsubscribe(await deps.signingKey.get(), userId, message.kind === 'digest' ? 'digest' : 'alerts');
    const mail = await build(deps, siteUrl, token, message, events);
    await deps.notifier.send({
      to,
      ...mail,
      // RFC 8058: a mail program's "unsubscribe" button POSTs to this address, no sign-in, no page.
      headers: { 'List-Unsubscribe': `<${unsubscribeApiLink(siteUrl, token)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
  } catch (error) {
    await deps.digests.unclaim(userId, slot.kind, slot.period);
    throw error;
  }
  await deps.digests.markSent(userId, slot.kind, slot.period, 'sent', now);
  if (message.kind === 'digest') await deps.digests.clearInbox(userId, eventIds);
  return 'sent';
}

async function build(deps: SendDeps, siteUrl: string, token: string, message: MailMessage, events: Awaited<ReturnType<DigestStore['inbox']>>): Promise<BuiltMail> {
  if (message.kind === 'digest') return digestMail(siteUrl, token, events);
  const process = await deps.processes.get(message.processId);
  const processTitle = process?.title.da ?? message.processId;
  if (message.kind === 'queue-alert') {
    const hours = process?.settings.followUp?.queueAlertHours ?? DEFAULT_QUEUE_ALERT_HOURS;
    return queueAlertMail(siteUrl, token, { ...message, processTitle, hours });
  }
  if (message.kind === 'held-alert') return heldAlertMail(siteUrl, token, { processId: message.processId, processTitle, item: message.item });
  return deadlineReminderMail(siteUrl, token, { processId: message.processId, processTitle, ideas: message.ideas });
}
