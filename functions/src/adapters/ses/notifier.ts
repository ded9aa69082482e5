// use case --> (secondary adapter) --> SES (AWS) or an outbox folder (local stack)
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Notifier } from '../../domain/ports';
import { traced } from '../../lib/tracer';

/**
 * Mail to authors. On the local stack (`OUTBOX_DIR` set) each mail becomes one .eml file in the
 * outbox folder, openable by any mail program; in AWS it goes through SES from `MAIL_FROM`.
 */
export function notifier(outboxDir = process.env.OUTBOX_DIR, from = process.env.MAIL_FROM ?? 'no-reply@deltag.invalid'): Notifier {
  if (outboxDir) {
    return {
      async send({ to, subject, text, headers }) {
        await mkdir(outboxDir, { recursive: true });
        const at = new Date();
        const name = `${at.toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`;
        await writeFile(join(outboxDir, name), toEml(from, to, subject, text, at, headers));
      },
    };
  }
  // The SES client loads with the first mail, not at the cold start of every function that may send
  // one (issue 19: its import is a measurable part of INIT); a failed load is tried again next time.
  let ses: Promise<{ client: SESv2Client; SendEmailCommand: typeof import('@aws-sdk/client-sesv2').SendEmailCommand }> | undefined;
  const load = () =>
    (ses ??= import('@aws-sdk/client-sesv2').then(
      (m) => ({ client: traced(new m.SESv2Client({})), SendEmailCommand: m.SendEmailCommand }),
      (error: unknown) => {
        ses = undefined;
        throw error;
      },
    ));
  return {
    async send({ to, subject, text, headers }) {
      const { client, SendEmailCommand } = await load();
      await client.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: [to] },
          Content: {
            Simple: {
              Subject: { Data: subject, Charset: 'UTF-8' },
              Body: { Text: { Data: text, Charset: 'UTF-8' } },
              // Extra headers such as RFC 8058's List-Unsubscribe; SES adds them to the message as given.
              ...(headers ? { Headers: Object.entries(headers).map(([Name, Value]) => ({ Name, Value })) } : {}),
            },
          },
        }),
      );
    },
  };
}

/**
 * A plain-text RFC 5322 message; the UTF-8 subject as an RFC 2047 encoded word, the body in base64.
 * `headers` (ASCII values such as List-Unsubscribe) go in as given, after Date.
 */
export function toEml(from: string, to: string, subject: string, text: string, at: Date, headers: Record<string, string> = {}): string {
  const body = Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  return [
    `From: Deltag <${from}>`,
    `To: ${to}`,
    `Subject: =?UTF-8?B?${Buffer.from(subject, 'utf8').toString('base64')}?=`,
    `Date: ${at.toUTCString()}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value.replace(/[\r\n]/g, '')}`),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    body,
    '',
  ].join('\r\n');
}
