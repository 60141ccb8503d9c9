import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { activate, deactivate, rotate } from '../lib/lifecycle.js'
import { Success, errorResponses } from '../schemas/common.js'

const Token = Type.String({ minLength: 1, maxLength: 512 })

/**
 * Calls the platform makes when a company activates, deactivates or
 * rotates the extension. The token in the body is the credential.
 */
const lifecycleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['platform']

  app.post('/activate/', {
    schema: {
      tags,
      summary: 'Activate the extension for the token\'s company',
      body: Type.Object({ token: Token }),
      response: { 200: Success, ...errorResponses }
    }
  }, async function activateHandler (request) {
    await activate(app, request.body.token)
    return { status: 'success' as const }
  })

  app.post('/deactivate/', {
    schema: {
      tags,
      summary: 'Deactivate the extension; `purge` deletes the company\'s data',
      body: Type.Object({
        token: Token,
        purge: Type.Boolean({ default: false })
      }),
      response: { 200: Success, ...errorResponses }
    }
  }, async function deactivateHandler (request) {
    await deactivate(app, request.body.token, request.body.purge ?? false)
    return { status: 'success' as const }
  })

  app.post('/rotate/', {
    schema: {
      tags,
      summary: 'Replace the stored service token',
      body: Type.Object({ token: Token }),
      response: { 200: Success, ...errorResponses }
    }
  }, async function rotateHandler (request) {
    await rotate(app, request.body.token)
    return { status: 'success' as const }
  })
}

export default lifecycleRoutes
