// A local HTTP server that speaks the part of Postmark's API we use (POST /email), recording every request,
// so tests drive the real postmark client over a real socket.
import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, any>;
}

export class PostmarkStandIn {
  readonly requests: RecordedRequest[] = [];
  private server: Server | undefined;
  /** Set to make the next answers fail: an HTTP status and Postmark error code. */
  failWith: { status: number; errorCode: number; message: string } | undefined;
  port = 0;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (d) => (raw += d));
      req.on('end', () => {
        let body: Record<string, any> = {};
        try {
          body = JSON.parse(raw || '{}');
        } catch {}
        this.requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
        res.setHeader('Content-Type', 'application/json');
        if (req.headers['x-postmark-server-token'] !== 'test-server-token') {
          res.statusCode = 401;
          return res.end(JSON.stringify({ ErrorCode: 10, Message: 'Bad or missing Server API token.' }));
        }
        if (this.failWith) {
          res.statusCode = this.failWith.status;
          return res.end(JSON.stringify({ ErrorCode: this.failWith.errorCode, Message: this.failWith.message }));
        }
        res.end(JSON.stringify({ To: body.To, SubmittedAt: new Date().toISOString(), MessageID: crypto.randomUUID(), ErrorCode: 0, Message: 'OK' }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
