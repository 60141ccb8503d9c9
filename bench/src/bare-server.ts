// The intake ceiling: a bare Fastify server that parses the same JSON body
// on the same path and answers the same constant as Herald's webhook route,
// with nothing behind it. Run as a child process, like the API.
import Fastify from 'fastify'

const REPLY = { status: 'success' }

async function main (): Promise<void> {
  const app = Fastify()
  app.post('/api/webhook/', async function answerConstant () {
    return REPLY
  })
  app.get('/api/', async function alive () {
    return REPLY
  })
  const stop = (): void => {
    app.close().then(() => process.exit(0), () => process.exit(1))
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
  await app.listen({
    host: process.env.HOST ?? '127.0.0.1',
    port: Number(process.env.PORT ?? 0)
  })
}

main().catch((err: unknown) => {
  process.stderr.write(`bare server failed: ${String(err)}\n`)
  process.exit(1)
})
