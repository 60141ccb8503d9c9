import t from 'tap'
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'
import { startApi } from './helpers.js'
import { failedDeliveryJob, OPERATOR } from './board-helpers.js'

const CHROMIUM = '/usr/bin/chromium'

async function launch (): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
  })
}

const skip = existsSync(CHROMIUM) ? false : `no ${CHROMIUM} (apt-get install chromium)`

t.test('the dashboard in a real browser', { skip }, async (t) => {
  const h = await startApi(t, OPERATOR)
  const jobId = await failedDeliveryJob(h)
  const base = await h.app.listen({ port: 0, host: '127.0.0.1' })
  const browser = await launch()
  t.teardown(() => browser.close())

  t.test('refused without credentials, or with wrong ones', async (t) => {
    const wrong = { username: 'operator', password: 'guess' }
    for (const httpCredentials of [undefined, wrong]) {
      const context = await browser.newContext(httpCredentials ? { httpCredentials } : {})
      const page = await context.newPage()
      const statuses: number[] = []
      page.on('response', (response) => statuses.push(response.status()))
      // Without credentials headless Chromium has no prompt to show, and
      // the load fails; with wrong ones it shows the 401 page.
      await page.goto(`${base}/admin/queues`).catch(() => null)
      t.ok(statuses.length > 0, 'the server answered')
      t.same([...new Set(statuses)], [401], 'every answer was a 401: nothing shown')
      await context.close()
    }
  })

  t.test('with credentials: every queue, and the failed job masked', async (t) => {
    const context = await browser.newContext({
      httpCredentials: {
        username: OPERATOR.BULL_BOARD_USER,
        password: OPERATOR.BULL_BOARD_PASSWORD
      }
    })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (err) => errors.push(err.message))
    const response = await page.goto(`${base}/admin/queues`)
    t.equal(response?.status(), 200)
    for (const name of ['events', 'deliveries', 'triggers']) {
      await page.getByText(name, { exact: true }).first().waitFor({ timeout: 15_000 })
    }
    await page.goto(`${base}/admin/queues/queue/deliveries?status=failed`)
    await page.getByText(jobId).first().waitFor({ timeout: 15_000 })
    await page.getByText('l***@e***.org', { exact: false }).first()
      .waitFor({ timeout: 15_000 })
    const text = await page.locator('body').innerText()
    t.match(text, 'l***@e***.org', 'the address is shown masked')
    t.notMatch(text, 'lina.okafor@example.org')
    t.notMatch(text, '15550100777')
    t.same(errors, [], 'no script errors')
    await context.close()
  })
})
