import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { createBullBoard } from '@bull-board/api'
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter'
import { FastifyAdapter } from '@bull-board/fastify'
import { queueList } from '@herald/queue'
import { boardAccess } from '../lib/board-access.js'
import { maskDeep } from '../lib/mask-text.js'

const READ_METHODS = new Set(['GET', 'HEAD'])
const CHALLENGE = 'Basic realm="Herald queues", charset="UTF-8"'

/** Every answer of the board's API, with personal data masked. */
function maskAnswer<T extends { body: unknown }> (_context: unknown, result: T): T {
  return { ...result, body: maskDeep(result.body) }
}

function refuse (reply: FastifyReply, code: number, message: string): FastifyReply {
  return reply.code(code).send({ status: 'error', message, data: {} })
}

/**
 * Bull Board at `BULL_BOARD_PATH`: every queue, behind operator basic
 * credentials or a trusted company's platform admin token, read-only
 * unless `BULL_BOARD_READ_ONLY=false`. Everything the board's API answers
 * passes through {@link maskDeep}, so failure reasons and return values
 * show addresses, numbers and push tokens masked.
 */
async function bullBoard (app: FastifyInstance): Promise<void> {
  const { config } = app
  const readOnlyMode = config.BULL_BOARD_READ_ONLY
  const serverAdapter = new FastifyAdapter()
  serverAdapter.setBasePath(config.BULL_BOARD_PATH)
  createBullBoard({
    queues: queueList(app.queues).map((queue) =>
      new BullMQAdapter(queue, { readOnlyMode, allowRetries: !readOnlyMode })),
    serverAdapter,
    options: {
      uiConfig: { boardTitle: 'Herald queues', hideDocsLink: true },
      handlerHooks: { after: maskAnswer }
    }
  })

  app.addHook('onRequest', async function guardBoard (
    request: FastifyRequest,
    reply: FastifyReply
  ) {
    const access = await boardAccess(app, request.headers.authorization)
    if (access === 'unauthenticated') {
      void reply.header('www-authenticate', CHALLENGE)
      return refuse(reply, 401, 'Authentication required.')
    }
    if (access === 'forbidden') return refuse(reply, 403, 'Permission denied.')
    if (readOnlyMode && !READ_METHODS.has(request.method)) {
      return refuse(reply, 405, 'The queue dashboard is read-only.')
    }
  })
  await app.register(serverAdapter.registerPlugin(), {
    prefix: config.BULL_BOARD_PATH
  })
}

/** Encapsulated: its hook guards the board's routes and nothing else. */
export default bullBoard
