import http from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { headers: http.IncomingHttpHeaders; body: string; at: number };
export type Behaviour = "ok" | "hang" | "fail";

/**
 * A webhook receiver on 127.0.0.1 and a random port: answers 200 (`ok`), 500 (`fail`), or
 * never (`hang`, until closed). Everything it is sent is kept, in order.
 */
export async function startReceiver(behaviour: Behaviour = "ok") {
  const received: Received[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      received.push({ headers: req.headers, body, at: Date.now() });
      if (state.behaviour === "hang") {
        hanging.add(res);
        return;
      }
      res.writeHead(state.behaviour === "ok" ? 200 : 500, { "content-type": "text/plain" });
      res.end(state.behaviour === "ok" ? "thanks" : "broken");
    });
  });
  const state = { behaviour };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    set(next: Behaviour) {
      state.behaviour = next;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
