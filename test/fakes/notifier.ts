import type { Notifier } from '#functions/domain/ports';

type Mail = Parameters<Notifier['send']>[0];

/** An outbox to read the sent mail from; `failWith` makes every send fail, as an SES outage would. */
export interface FakeNotifier extends Notifier {
  sent: Mail[];
  failWith?: Error;
}

export function fakeNotifier(): FakeNotifier {
  const notifier: FakeNotifier = {
    sent: [],
    async send(message) {
      if (notifier.failWith) throw notifier.failWith;
      notifier.sent.push({ ...message });
    },
  };
  return notifier;
}
