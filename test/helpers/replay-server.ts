/**
 * A loopback Price List API (AWS JSON 1.1) for tests and benchmarks: `POST /` with
 * `X-Amz-Target: AWSPriceListService.GetProducts`, answered from the recorded fixtures in
 * test/fixtures/pricing/responses (PriceList elements are JSON strings, as on the wire). It counts requests, records
 * the filters it received, and can inject faults (throttling, 5xx, hangs, malformed bodies). An unknown request gets
 * an empty PriceList and is recorded in `unknown`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  target: string;
  serviceCode: string;
  filters: { Type: string; Field: string; Value: string }[];
  nextToken?: string;
  maxResults?: number;
  /** The request carried a SigV4 Authorization header. */
  signed: boolean;
}

export interface Fault {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  /** Never answer (the client must time out). */
  hang?: boolean;
}

interface Fixture {
  request: { ServiceCode: string; Filters: { Type: string; Field: string; Value: string }[] };
  pages: { FormatVersion: string; PriceList: string[]; NextToken?: string }[];
}

export const FIXTURE_DIR = join(import.meta.dirname, '..', 'fixtures', 'pricing', 'responses');

export function filtersKey(serviceCode: string, filters: readonly { Field: string; Value: string }[]): string {
  return `${serviceCode}?${[...filters]
    .map((f) => `${f.Field}=${f.Value}`)
    .sort()
    .join('&')}`;
}

export function loadFixtures(dir = FIXTURE_DIR): Map<string, Fixture> {
  const map = new Map<string, Fixture>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const f = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Fixture;
    map.set(filtersKey(f.request.ServiceCode, f.request.Filters), f);
  }
  return map;
}

export interface ReplayServer {
  url: string;
  requests: RecordedRequest[];
  unknown: RecordedRequest[];
  /** Faults answered in order, before any fixture (one per request). */
  faults: Fault[];
  /** Answer every request with this fault (e.g. a permanent 500), until cleared. */
  always?: Fault;
  /** Replace the answer for one request key (serviceCode + filters) with raw pages. */
  override(key: string, pages: unknown[]): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startReplayServer(opts: { log?: boolean } = {}): Promise<ReplayServer> {
  const fixtures = loadFixtures();
  const overrides = new Map<string, unknown[]>();
  const hanging = new Set<ServerResponse>();
  const state: ReplayServer = {
    url: '',
    requests: [],
    unknown: [],
    faults: [],
    override(key, pages) {
      overrides.set(key, pages);
    },
    reset() {
      state.requests.length = 0;
      state.unknown.length = 0;
      state.faults.length = 0;
      state.always = undefined;
      overrides.clear();
    },
    close: async () => {},
  };

  const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'replay-0000', ...headers });
    res.end(body);
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      let input: { ServiceCode?: string; Filters?: RecordedRequest['filters']; NextToken?: string; MaxResults?: number } = {};
      try {
        input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        return send(res, 400, JSON.stringify({ __type: 'SerializationException', message: 'bad JSON' }));
      }
      const rec: RecordedRequest = {
        target,
        serviceCode: input.ServiceCode ?? '',
        filters: input.Filters ?? [],
        nextToken: input.NextToken,
        maxResults: input.MaxResults,
        signed: /^AWS4-HMAC-SHA256 /.test(String(req.headers.authorization ?? '')),
      };
      state.requests.push(rec);
      if (req.method !== 'POST' || req.url !== '/' || target !== 'AWSPriceListService.GetProducts') {
        return send(res, 400, JSON.stringify({ __type: 'UnknownOperationException', message: `unexpected ${req.method} ${req.url} ${target}` }));
      }
      const fault = state.faults.shift() ?? state.always;
      if (fault) {
        if (fault.hang) {
          hanging.add(res);
          res.on('close', () => hanging.delete(res));
          return;
        }
        return send(res, fault.status, fault.body ?? '', fault.headers);
      }
      const key = filtersKey(rec.serviceCode, rec.filters);
      const pages = overrides.get(key) ?? fixtures.get(key)?.pages;
      if (!pages) {
        state.unknown.push(rec);
        if (opts.log) process.stderr.write(`replay: unknown request ${key}\n`);
        return send(res, 200, JSON.stringify({ FormatVersion: 'aws_v1', PriceList: [] }));
      }
      let index = 0;
      if (rec.nextToken) {
        index = pages.findIndex((_, i) => i > 0 && (pages[i - 1] as { NextToken?: string }).NextToken === rec.nextToken);
        if (index < 0) return send(res, 400, JSON.stringify({ __type: 'InvalidNextTokenException', message: 'bad token' }));
      }
      const page = pages[index];
      return send(res, 200, typeof page === 'string' ? page : JSON.stringify(page));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections?.();
      server.close(() => resolve());
    });
  return state;
}

/** The environment that points the real SDK at the replay server, with dummy credentials and no way out. */
export function replayEnv(url: string, opts: { credentials?: boolean; home: string }): Record<string, string> {
  const env: Record<string, string> = {
    AWS_ENDPOINT_URL_PRICING: url,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(opts.home, 'aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(opts.home, 'aws-credentials'),
    AWS_REGION: 'us-east-1',
  };
  if (opts.credentials !== false) {
    env.AWS_ACCESS_KEY_ID = 'AKIDREPLAYTEST00000';
    env.AWS_SECRET_ACCESS_KEY = 'replay-secret-not-real';
  }
  return env;
}

/** Variables that must not leak in from the developer's shell (real credentials, profiles, endpoints). */
export const AWS_ENV_TO_CLEAR = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_PRICING',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_ROLE_ARN',
  'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED',
];
