import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Database } from '../../../platform/db/database.js';
import { randomToken } from '../../../platform/crypto/tokens.js';

interface PendingRow {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  attempts: number;
}

/** Where mail goes: an SMTP server, or .eml files when none is configured. */
export interface MailTransport {
  send(from: string, row: Pick<PendingRow, 'id' | 'to_address' | 'subject' | 'body_text'>): Promise<void>;
}

export interface MailDispatcher {
  /** Delivers due outbox messages; returns how many were sent. Safe to call from many processes. */
  deliverPending(): Promise<number>;
}

const MAX_ATTEMPTS = 5;

/** An RFC 5322 message with a UTF-8 plain-text body. */
export function toEml(from: string, row: Pick<PendingRow, 'to_address' | 'subject' | 'body_text'>, now = new Date()): string {
  const encodedSubject = /^[\x20-\x7e]*$/.test(row.subject)
    ? row.subject
    : `=?UTF-8?B?${Buffer.from(row.subject).toString('base64')}?=`;
  return [
    `From: ${from}`,
    `To: ${row.to_address}`,
    `Subject: ${encodedSubject}`,
    `Date: ${now.toUTCString()}`,
    `Message-ID: <${randomToken(12)}@plantops.local>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    row.body_text.replace(/\r?\n/g, '\r\n'),
    '',
  ].join('\r\n');
}

export function fileTransport(outboxDir: string): MailTransport {
  return {
    async send(from, row) {
      await mkdir(outboxDir, { recursive: true });
      await writeFile(path.join(outboxDir, `${row.id}.eml`), toEml(from, row), { flag: 'w' });
    },
  };
}

export function smtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(from, row) {
      await transporter.sendMail({ from, to: row.to_address, subject: row.subject, text: row.body_text, messageId: `<${row.id}@plantops.local>` });
    },
  };
}

/**
 * Claims due rows with FOR UPDATE SKIP LOCKED so concurrent dispatchers never send one twice;
 * a failed send is retried with exponential back-off and marked FAILED after 5 attempts.
 */
export function createMailDispatcher(db: Database, transport: MailTransport, from: string): MailDispatcher {
  return {
    async deliverPending() {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<PendingRow>(
          `SELECT id, to_address, subject, body_text, attempts FROM mail_outbox
            WHERE status = 'PENDING' AND next_attempt_at <= now()
            ORDER BY next_attempt_at LIMIT 50 FOR UPDATE SKIP LOCKED`,
        );
        let sent = 0;
        for (const row of rows) {
          try {
            await transport.send(from, row);
            await tx.query(`UPDATE mail_outbox SET status = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`, [row.id]);
            sent += 1;
          } catch (err) {
            await tx.query(
              `UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2,
                 status = CASE WHEN $3 THEN 'FAILED' ELSE 'PENDING' END,
                 next_attempt_at = now() + make_interval(secs => 30 * power(2, attempts))
               WHERE id = $1`,
              [row.id, String((err as Error)?.message ?? err).slice(0, 500), row.attempts + 1 >= MAX_ATTEMPTS],
            );
          }
        }
        return sent;
      });
    },
  };
}
