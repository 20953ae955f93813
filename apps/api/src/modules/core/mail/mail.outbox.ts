import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '../../../platform/db/database.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Queues a message in the caller's transaction; nothing is sent if that transaction rolls back. */
export async function enqueueMail(tx: Queryable, mail: OutgoingMail): Promise<void> {
  await tx.query(`INSERT INTO mail_outbox (id, to_address, subject, body_text) VALUES ($1, $2, $3, $4)`, [
    uuidv7(),
    mail.to,
    mail.subject,
    mail.text,
  ]);
}
