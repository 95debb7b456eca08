import http from "node:http";
import type { AddressInfo } from "node:net";

export type Served = {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  requireHeader?: [string, string];
  /** Sent in two writes without a Content-Length, as a chunked answer. */
  chunked?: boolean;
};

/**
 * A local HTTP server the location tests fetch from: each path answers what the test set,
 * and every request is recorded (path and headers) so a test can tell what Pharos sent.
 */
export async function startYamlServer() {
  const routes = new Map<string, Served>();
  const requests: { path: string; headers: http.IncomingHttpHeaders }[] = [];
  const server = http.createServer((req, res) => {
    const path = req.url ?? "/";
    requests.push({ path, headers: req.headers });
    const route = routes.get(path);
    if (!route) return void res.writeHead(404).end("not found");
    const [name, value] = route.requireHeader ?? [];
    if (name && req.headers[name.toLowerCase()] !== value) return void res.writeHead(401).end("who are you?");
    res.writeHead(route.status ?? 200, { "content-type": "application/yaml", ...route.headers });
    const body = route.body ?? "";
    if (route.chunked) {
      res.write(body.slice(0, body.length / 2));
      res.end(body.slice(body.length / 2));
    } else res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    url: (path: string) => `${base}${path}`,
    serve: (path: string, served: Served) => routes.set(path, served),
    hits: (path: string) => requests.filter((r) => r.path === path),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
