import { EventEmitter } from 'node:events'
import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { waitForCount } from './wait-for-count.ts'

/** One mail as the recorder received it: `to` are the envelope's recipients. */
export interface RecordedMail {
  from: string
  to: string[]
  subject: string
  text: string
  html: string
}

export interface SmtpRecorder {
  /** `smtp://127.0.0.1:PORT`: plain SMTP, any login accepted. */
  url: string
  /** Every mail so far, oldest first. */
  mails: RecordedMail[]
  /** Resolves once `count` mails have arrived (fails after the test patience). */
  waitFor(count: number): Promise<RecordedMail[]>
  close(): Promise<void>
}

/** A real SMTP server on loopback that accepts and records every mail, parsed. */
export async function startSmtpRecorder(): Promise<SmtpRecorder> {
  const mails: RecordedMail[] = []
  const arrivals = new EventEmitter()

  const server = new SMTPServer({
    secure: false,
    // Without STARTTLS on offer, nodemailer sends in plain text instead of trying to upgrade.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    // A client that logs in (an SMTP_URL with user:password) is let in with any password.
    onAuth: (_auth, _session, callback) => callback(null, { user: 'recorder' }),
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mails.push({
            from: parsed.from?.text ?? '',
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
          })
          callback()
          arrivals.emit('mail')
        })
        .catch((error: Error) => callback(error))
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo

  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    waitFor: (count) => waitForCount(arrivals, 'mail', () => mails, count, 'mails'),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
