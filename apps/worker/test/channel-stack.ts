import {
  createCredential,
  createNotification,
  type Delivery,
  type NotificationFields
} from '@herald/db'
import {
  startExpoStandIn,
  startSendGridStandIn,
  startTwilioStandIn,
  startWebPushReceiver,
  type BrowserSubscription,
  type ExpoStandIn,
  type SendGridStandIn,
  type TwilioStandIn,
  type WebPushReceiver
} from '@herald/testkit'
import { eventually, startStack, type Stack } from './helpers.js'

/** Lina, the user of the transaction fixture, as the simulator seeds her. */
export const lina = {
  id: 'b7e41c09-2a6f-4d38-9e15-70c3a8f2d6b4',
  mobile: '+15550100777',
  expoToken: 'ExponentPushToken[sim-lina-0001]'
}

/** The stack plus a stand-in for every provider. */
export interface ChannelStack extends Stack {
  twilio: TwilioStandIn
  expo: ExpoStandIn
  sendgrid: SendGridStandIn
  browser: WebPushReceiver
  /** Stores the company's credentials of one provider, sealed. */
  setCredentials (type: string, values: Record<string, string>): Promise<void>
  /** Twilio credentials of the stand-in's account. */
  useTwilio (): Promise<void>
  enablePush (): Promise<void>
  /** Subscribes a browser through the user API, as a web page would. */
  subscribeBrowser (): Promise<BrowserSubscription>
  /** A notification row, written as the admin API would store it. */
  notify (fields: Partial<NotificationFields> & Pick<NotificationFields, 'type'>): Promise<number>
  deliveries (): Promise<Delivery[]>
  /** Resolves once every delivery of the company is in a final state. */
  settled (count: number): Promise<Delivery[]>
}

interface TapLike { teardown(fn: () => unknown): void }

/**
 * {@link startStack} with local stand-ins for Twilio, Expo, SendGrid and a
 * browser's push service, and the worker pointed at them.
 */
export async function startChannelStack (
  t: TapLike,
  overrides: Record<string, string> = {}
): Promise<ChannelStack> {
  const [twilio, expo, sendgrid, browser] = await Promise.all([
    startTwilioStandIn(), startExpoStandIn(), startSendGridStandIn(), startWebPushReceiver()
  ])
  t.teardown(() => Promise.all([twilio.close(), expo.close(), sendgrid.close(), browser.close()]))
  const s = await startStack(t, {
    TWILIO_API_URL: twilio.url,
    EXPO_API_URL: expo.url,
    SENDGRID_API_URL: sendgrid.url,
    WEBPUSH_ALLOW_HTTP: 'true',
    EXPO_RECEIPT_DELAY_MS: '50',
    ...overrides
  })
  const { db } = s.app
  const stack: ChannelStack = {
    ...s,
    twilio,
    expo,
    sendgrid,
    browser,
    async setCredentials (type, values) {
      await createCredential(db, s.app.box, s.companyId, type, values)
    },
    useTwilio: () => stack.setCredentials('twilio', {
      account_sid: twilio.accountSid,
      auth_token: twilio.authToken,
      from_number: '+15550000001'
    }),
    async enablePush () {
      await db.company.update({ where: { id: s.companyId }, data: { pushEnabled: true } })
    },
    async subscribeBrowser () {
      const key = await s.call({ method: 'GET', url: '/user/webpush/key/', token: s.tokens.user })
      const sub = browser.subscribe(key.json().data.public_key as string)
      const res = await s.call({
        method: 'POST', url: '/user/webpush/subscriptions/', token: s.tokens.user, payload: sub
      })
      if (res.statusCode !== 201) throw new Error(`subscribe failed: ${res.body}`)
      return sub
    },
    async notify (fields) {
      const row = await createNotification(db, s.companyId, {
        name: fields.type, event: 'transaction.execute', ...fields
      })
      return row.id
    },
    deliveries: () => db.delivery.findMany({
      where: { companyId: s.companyId }, orderBy: { createdAt: 'asc' }
    }),
    async settled (count) {
      const final = new Set(['sent', 'failed', 'skipped'])
      await eventually(async () => {
        const rows = await stack.deliveries()
        return rows.length === count && rows.every((r) => final.has(r.status))
      })
      return stack.deliveries()
    }
  }
  return stack
}
