import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback proxy in front of a platform fake (FakeSlack, FakeLark) that injects network faults
 * the fakes cannot: an API that never answers, and one that carries a call out and then resets
 * the connection (or answers 5xx) before the caller hears back: the "ambiguous" send.
 */
export type Fault = 'hang' | 'reset-after-accept' | 'error-500-after-accept' | 'reset-before';

export class FaultProxy {
  private readonly faults: { match: string; fault: Fault }[] = [];
  private readonly held = new Set<http.ServerResponse>();
  private server!: http.Server;
  url = '';
  /** What each fault did, in order (`<fault> <path>`). */
  readonly injected: string[] = [];

  constructor(private readonly upstream: string) {}

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => void this.handle(req, res, Buffer.concat(chunks)));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `times` requests whose path contains `match` get `fault`. */
  failNext(match: string, fault: Fault, times = 1): void {
    for (let i = 0; i < times; i++) this.faults.push({ match, fault });
  }

  /** Drops the faults not yet used (the platform is back). */
  releaseFaults(): void {
    this.faults.length = 0;
  }

  /** Answers every held (hanging) request's connection with a reset. */
  releaseHeld(): void {
    for (const res of this.held) res.destroy();
    this.held.clear();
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): Promise<void> {
    const path = req.url ?? '/';
    const i = this.faults.findIndex((f) => path.includes(f.match));
    const fault = i >= 0 ? this.faults.splice(i, 1)[0]!.fault : undefined;
    if (fault) this.injected.push(`${fault} ${path}`);
    if (fault === 'hang') return void this.held.add(res);
    if (fault === 'reset-before') return void res.destroy();
    const answer = await fetch(this.upstream + path, {
      method: req.method ?? 'GET',
      headers: Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k)) as [string, string][]),
      ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body }),
    });
    const bytes = Buffer.from(await answer.arrayBuffer());
    if (fault === 'reset-after-accept') return void res.destroy();
    if (fault === 'error-500-after-accept') {
      res.writeHead(502, { 'content-type': 'text/plain' });
      return void res.end('bad gateway');
    }
    const headers: Record<string, string> = {};
    answer.headers.forEach((v, k) => {
      if (k !== 'content-length' && k !== 'transfer-encoding' && k !== 'connection') headers[k] = v;
    });
    res.writeHead(answer.status, headers);
    res.end(bytes);
  }
}
