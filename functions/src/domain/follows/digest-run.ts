import { dueDigests, fanOut, type FanOutReport, type PlanDeps } from './digest-plan';
import type { MailMessage, MailQueue } from './digest-ports';
import { sendMailMessage, type SendDeps, type SendOutcome } from './digest-send';
import { staffAlerts, type StaffDeps } from './staff-alerts';

/**
 * One scheduled run (issue 16): fan out the new follow events, name the digests and staff mails that
 * are due, and hand each to the sender: through the queue in AWS (SQS, retried, a dead-letter queue
 * after three tries), or straight to the sender on the local stack, one by one, so a failed mail does
 * not stop the others and the next run tries it again.
 */
export type RunDeps = PlanDeps & StaffDeps;

export interface RunReport {
  fanned: FanOutReport[];
  /** Users who chose no digests and had their waiting news dropped. */
  emptied: number;
  planned: MailMessage[];
  /** Local only (no queue): what became of each message. */
  sent?: { message: MailMessage; outcome: SendOutcome | 'failed'; error?: string }[];
}

export async function planMail(deps: RunDeps, now: Date): Promise<Omit<RunReport, 'sent'>> {
  const fanned = await fanOut(deps, now);
  const { messages, emptied } = await dueDigests(deps, now);
  const staff = await staffAlerts(deps, now);
  return { fanned, emptied, planned: [...messages, ...staff] };
}

export async function runMail(deps: RunDeps, delivery: { queue: MailQueue } | { sender: SendDeps }, now: Date): Promise<RunReport> {
  const plan = await planMail(deps, now);
  if ('queue' in delivery) {
    await delivery.queue.send(plan.planned);
    return plan;
  }
  const sent: NonNullable<RunReport['sent']> = [];
  for (const message of plan.planned) {
    try {
      sent.push({ message, outcome: await sendMailMessage(delivery.sender, message, now) });
    } catch (error) {
      sent.push({ message, outcome: 'failed', error: (error as Error).message });
    }
  }
  return { ...plan, sent };
}
