// Graceful stop: refuse new connections, let requests in flight finish, then stop the worker and close the database.
import type { ServerType } from '@hono/node-server';

export interface Stoppable {
  stop(): Promise<void>;
}

export async function shutdown(server: ServerType, parts: Stoppable[], graceMs = 10_000): Promise<'drained' | 'forced'> {
  const closed = new Promise<'drained'>((resolve) => server.close(() => resolve('drained')));
  // Keep-alive connections with no request in progress would hold close() open: end them now.
  (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  let timer: NodeJS.Timeout | undefined;
  const forced = new Promise<'forced'>((resolve) => {
    timer = setTimeout(() => {
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      resolve('forced');
    }, graceMs);
  });
  const outcome = await Promise.race([closed, forced]);
  clearTimeout(timer);
  for (const part of parts) await part.stop();
  return outcome;
}
