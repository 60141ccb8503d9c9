import { connect, createServer, type Socket } from 'node:net'

/** A TCP relay in front of a service, which a test can cut and restore. */
export interface TcpRelay {
  readonly port: number
  /** `url` with the relay's host and port in place of the service's. */
  via(url: string): string
  /**
   * From now on the service is unreachable: open connections are reset
   * and new ones are closed as soon as they are accepted.
   */
  cut(): void
  /**
   * From now on what clients send is dropped: connections stay open and
   * the service hears nothing, as behind a stalled network.
   */
  freeze(): void
  /** New connections reach the service again, and traffic flows. */
  restore(): void
  close(): Promise<void>
}

/** Starts a {@link TcpRelay} on a free port in front of `host:port`. */
export async function startTcpRelay (host: string, port: number): Promise<TcpRelay> {
  const sockets = new Set<Socket>()
  let open = true
  let frozen = false
  const server = createServer((client) => {
    if (!open) {
      client.destroy()
      return
    }
    const upstream = connect(port, host)
    const drop = () => { client.destroy(); upstream.destroy() }
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.once('close', () => { sockets.delete(socket); drop() })
      socket.on('error', drop)
    }
    client.on('data', (chunk) => { if (!frozen) upstream.write(chunk) })
    upstream.pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('relay has no port')
  return {
    port: address.port,
    via (url: string) {
      const relayed = new URL(url)
      relayed.hostname = '127.0.0.1'
      relayed.port = String(address.port)
      return relayed.toString()
    },
    cut () {
      open = false
      for (const socket of sockets) socket.resetAndDestroy()
    },
    freeze () { frozen = true },
    restore () {
      open = true
      frozen = false
    },
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy()
      server.close(() => resolve())
    })
  }
}
