import type { Delivery, DeliveryLogQuery } from '@herald/db'
import { maskRecipient } from '@herald/log'
import type { LogListQuery, UserLogListQuery } from '../schemas/log.js'
import { channelsOf, idsOf, valuesOf } from './list-filters.js'
import { pageWindow } from './pagination.js'

/** A delivery as the admin log shows it. */
export function toAdminLog (row: Delivery) {
  return {
    ...toUserLog(row),
    recipient: row.recipient,
    provider: row.provider,
    error_message: row.errorMessage
  }
}

/** A delivery as its own user sees it: the recipient masked. */
export function toUserLog (row: Delivery) {
  return {
    id: row.id,
    notification: row.notificationId,
    type: row.type,
    user: row.userId,
    recipient: maskRecipient(row.recipient),
    status: row.status,
    subject: row.subject,
    text_message: row.textMessage,
    html_message: row.htmlMessage,
    sms_message: row.smsMessage,
    push_message: row.pushMessage,
    sent: row.status === 'sent',
    received: row.receivedAt !== null,
    created: row.createdAt.getTime(),
    updated: row.updatedAt.getTime()
  }
}

const dateOf = (ms: number | undefined): Date | undefined =>
  ms === undefined ? undefined : new Date(ms)

/** The query string's filters as the repository takes them. */
export function toLogQuery (
  q: UserLogListQuery & Partial<Pick<LogListQuery,
    'recipient' | 'recipient__contains' | 'user' | 'user__in'>>
): DeliveryLogQuery {
  return {
    ...pageWindow(q),
    newestFirst: q.orderby === '-created',
    createdAfter: dateOf(q.created__gt),
    createdBefore: dateOf(q.created__lt),
    notificationId: q.notification,
    notificationIdIn: idsOf(q.notification__in),
    sent: q.sent,
    received: q.received,
    type: q.type,
    typeIn: channelsOf(q.type__in),
    userIdIn: valuesOf(q.user__in),
    recipient: q.recipient,
    recipientContains: q.recipient__contains,
    userId: q.user
  }
}
