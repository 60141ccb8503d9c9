import t from 'tap'
import { request } from 'undici'
import { Counter, Registry } from 'prom-client'
import { startMetricsServer } from '../src/metrics-server.js'
import { eventually, spawnWorker, startStack } from './helpers.js'
import { freePort } from './fault-helpers.js'

/** The value of one sample line of a Prometheus text body, or null. */
function sample (text: string, series: string): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line === undefined ? null : Number(line.slice(series.length + 1))
}

t.test('deliveries are counted by channel and state, with their latency', async (t) => {
  const s = await startStack(t, { DELIVERY_ATTEMPTS: '3' })
  await s.createNotification()
  await s.createNotification({
    type: 'email', name: 'refused', event: 'transaction.execute',
    to_email: 'nobody@refused.example', subject: 'x'
  })
  s.sink.setReply((_attempt, envelope) => {
    if (envelope.rcptTo.includes('nobody@refused.example')) {
      return { code: 550, message: 'no such user' }
    }
    return { code: 250 }
  })
  const worker = s.startWorker()
  await s.sendEvent('counted')
  await s.sink.waitForMessages(1)
  const text = () => worker.metrics.registry.metrics()
  const counted = (state: string) => async () =>
    sample(await text(), `herald_deliveries_total{channel="email",state="${state}"}`) === 1
  // Counted by the processor as it settles each row.
  await eventually(counted('failed'))
  await eventually(counted('sent'))
  const body = await text()
  t.equal(sample(body, 'herald_delivery_latency_seconds_count{channel="email"}'), 1)
  t.equal(sample(body, 'herald_delivery_duration_seconds_count{channel="email"}'), 2)
  t.equal(sample(body, 'herald_jobs_total{queue="events",result="completed"}'), 1)
  t.match(body, /herald_worker_process_cpu_seconds_total/)
})

t.test('a transient failure counts as retried, then sent', async (t) => {
  const s = await startStack(t)
  await s.createNotification()
  s.sink.setReply((attempt) => attempt === 1 ? { code: 451 } : { code: 250 })
  const worker = s.startWorker()
  await s.sendEvent('retried')
  await s.sink.waitForMessages(1)
  const series = 'herald_deliveries_total{channel="email",state="sent"}'
  await eventually(async () => sample(await worker.metrics.registry.metrics(), series) === 1)
  const body = await worker.metrics.registry.metrics()
  t.equal(sample(body, 'herald_deliveries_total{channel="email",state="retried"}'), 1)
  t.equal(sample(body, 'herald_deliveries_total{channel="email",state="failed"}'), null)
})

t.test('the metrics endpoint asks for the token when one is set', async (t) => {
  const registry = new Registry()
  new Counter({ name: 'probe_total', help: 'a probe', registers: [registry] }).inc(3)
  const server = await startMetricsServer({
    registry, host: '127.0.0.1', port: 0, token: 'scrape-secret-123'
  })
  t.teardown(() => server.close())
  const url = `http://127.0.0.1:${server.port}`
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await request(`${url}${path}`, { headers })
    return { status: res.statusCode, type: res.headers['content-type'], body: await res.body.text() }
  }
  t.equal((await get('/metrics')).status, 401)
  t.equal((await get('/metrics', { authorization: 'Bearer wrong' })).status, 401)
  const ok = await get('/metrics', { authorization: 'Bearer scrape-secret-123' })
  t.equal(ok.status, 200)
  t.match(ok.type, /^text\/plain; version=0\.0\.4/)
  t.equal(sample(ok.body, 'probe_total'), 3)
  t.same(await get('/health'), { status: 200, type: 'application/json', body: '{"status":"ok"}' })
  t.equal((await get('/elsewhere')).status, 404)
})

t.test('a worker process serves its metrics on WORKER_METRICS_PORT', async (t) => {
  const s = await startStack(t)
  await s.createNotification()
  const port = await freePort()
  const worker = spawnWorker(t, {
    ...s.workerEnv, LOG_LEVEL: 'info', WORKER_METRICS_PORT: String(port)
  })
  await worker.logged('metrics listening')
  await s.sendEvent('from-a-process')
  await s.sink.waitForMessages(1)
  const series = 'herald_deliveries_total{channel="email",state="sent"}'
  await eventually(async () => {
    const res = await request(`http://127.0.0.1:${port}/metrics`)
    return sample(await res.body.text(), series) === 1
  })
  t.same(await worker.stop(), { code: 0, signal: null })
})
