import nodemailer from 'nodemailer'
import { startSmtpSink } from '@herald/testkit'
let n = 0
const sink = await startSmtpSink({ onMessage: () => { n++ } })
const t = nodemailer.createTransport({ pool: true, maxConnections: 8, host: sink.host, port: sink.port, secure: false })
const N = 800
const t0 = performance.now()
let i = 0
async function lane () { while (i < N) { i++; await t.sendMail({ from: 'a@b.org', to: 'c@d.org', subject: 'hi', text: 'hello '.repeat(50), html: '<p>x</p>' }) } }
await Promise.all(Array.from({ length: 16 }, lane))
const s = (performance.now() - t0) / 1000
console.log(`${N} in ${s.toFixed(2)} s = ${(N / s).toFixed(0)}/s; accepted ${n}; cpu`, process.cpuUsage())
t.close(); await sink.close()
