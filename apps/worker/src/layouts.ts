import { randomBytes } from 'node:crypto'
import type { Database, Layout, NewDelivery, Notification } from '@herald/db'
import type { TemplateRenderer } from '@herald/templates'
import type { TemplateContext } from './context.js'

/** Where a layout places the message: `{{ body }}`, spaces optional. */
const BODY_PLACEHOLDER = /\{\{\s*body\s*\}\}/g

/** The notification's layout, when it has one of its own channel. */
export async function loadLayout (
  db: Database,
  notification: Notification
): Promise<Layout | null> {
  if (notification.layoutId === null) return null
  const layout = await db.layout.findFirst({
    where: { id: notification.layoutId, companyId: notification.companyId }
  })
  return layout?.type === notification.type ? layout : null
}

/**
 * Renders a layout around a marker. `{{ body }}` is swapped for a marker
 * before rendering, so the message goes in as it is: never escaped twice,
 * never read as template code.
 */
async function renderFrame (
  renderer: TemplateRenderer,
  layout: Layout,
  context: TemplateContext,
  autoescape: boolean
): Promise<{ wrap: (body: string) => string }> {
  const marker = `[[herald-body-${randomBytes(8).toString('hex')}]]`
  const source = layout.body.replace(BODY_PLACEHOLDER, marker)
  const frame = await renderer.render(source, context, { autoescape })
  return { wrap: (body) => frame.split(marker).join(body) }
}

const ENTITIES: Record<string, string> = {
  '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': '\''
}

/** A plain-text rendition of an HTML layout, for the email's text part. */
export function textOfHtml (html: string): string {
  const text = html
    .replace(/<(head|style|script)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<(p|div|h[1-6]|li|tr|table|footer|header|section)\b[^>]*>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|tr|table|footer|header|section)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(nbsp|amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
  const lines = text.split('\n').map((line) => line.trim())
  return lines.filter((line, i) => line !== '' || (lines[i - 1] ?? '') !== '')
    .join('\n').trim()
}

/**
 * Wraps each sendable row's bodies in the layout: for email the HTML part
 * in the layout and the text part in its text rendition; for SMS and push
 * the message. Skipped rows and empty bodies are left alone.
 */
export async function applyLayout (
  renderer: TemplateRenderer,
  layout: Layout | null,
  context: TemplateContext,
  rows: NewDelivery[]
): Promise<NewDelivery[]> {
  if (!layout || rows.every((row) => row.status === 'skipped')) return rows
  const html = await renderFrame(renderer, layout, context, true)
  const text = await renderFrame(renderer, layout, context, false)
  // The body stands on lines of its own within the layout's text.
  const frame = textOfHtml(text.wrap('\n\u0000\n'))
  const plain = (body: string) => frame.split('\u0000').join(body)
  return rows.map((row) => {
    if (row.status === 'skipped') return row
    if (row.type === 'email') {
      return {
        ...row,
        ...(row.htmlMessage ? { htmlMessage: html.wrap(row.htmlMessage) } : {}),
        ...(row.textMessage ? { textMessage: plain(row.textMessage) } : {})
      }
    }
    const key = row.type === 'sms' ? 'smsMessage' : 'pushMessage'
    const body = row[key]
    return body ? { ...row, [key]: text.wrap(body) } : row
  })
}
