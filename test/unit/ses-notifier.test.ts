import { afterEach, describe, expect, it, vi } from 'vitest';
import { SESv2Client, type SendEmailCommand } from '@aws-sdk/client-sesv2';
import { notifier } from '#functions/adapters/ses/notifier';

/**
 * The SES notifier loads the SDK client with its first mail (issue 19: not at every cold start of a
 * function that may send one), then sends each mail through it. AWS is out of reach here, so `send`
 * is replaced on the client's prototype only to see what would go to SES.
 */
afterEach(() => vi.restoreAllMocks());

describe('mail through SES', () => {
  it('sends each mail from MAIL_FROM through one client loaded on first use, with the extra headers', async () => {
    const sent: { client: unknown; input: SendEmailCommand['input'] }[] = [];
    vi.spyOn(SESv2Client.prototype, 'send').mockImplementation(function (this: SESv2Client, command: unknown) {
      sent.push({ client: this, input: (command as SendEmailCommand).input });
      return Promise.resolve({}) as never;
    });
    const mail = notifier(undefined, 'deltag@gentofte.dk');
    expect(sent).toHaveLength(0);
    await mail.send({ to: 'borger@example.dk', subject: 'Din idé', text: 'Tekst', headers: { 'List-Unsubscribe': '<https://x/afmeld>' } });
    await mail.send({ to: 'anden@example.dk', subject: 'Svar', text: 'Mere' });
    expect(sent).toHaveLength(2);
    expect(sent[0]!.client).toBe(sent[1]!.client);
    expect(sent[0]!.input).toMatchObject({
      FromEmailAddress: 'deltag@gentofte.dk',
      Destination: { ToAddresses: ['borger@example.dk'] },
      Content: { Simple: { Subject: { Data: 'Din idé', Charset: 'UTF-8' }, Headers: [{ Name: 'List-Unsubscribe', Value: '<https://x/afmeld>' }] } },
    });
  });
});
