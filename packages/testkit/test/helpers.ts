import nodemailer from 'nodemailer'
import type { SmtpSink } from '../src/index.js'

/** A nodemailer transport pointed at the sink, one connection per mail. */
export function transportFor (sink: SmtpSink): nodemailer.Transporter {
  return nodemailer.createTransport({
    host: sink.host,
    port: sink.port,
    secure: false
  })
}

/** A small message with a text and an HTML part. */
export function sampleMail (
  overrides: Partial<nodemailer.SendMailOptions> = {}
): nodemailer.SendMailOptions {
  return {
    from: 'Herald <no-reply@herald.test>',
    to: 'lina.okafor@example.org',
    subject: 'Your transfer was sent',
    text: 'You sent 10.00 USD.',
    html: '<p>You sent <b>10.00 USD</b>.</p>',
    ...overrides
  }
}
