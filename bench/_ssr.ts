import { measure, signIn } from "./http-bench";

const base = "http://127.0.0.1:3400";
const jar = await signIn(base, "bench@example.com", "bench-password-1");
for (const path of ["/services/svc-08179-profile-web", "/services", "/services?tier=tier0"]) {
  const t = await measure(
    base,
    { path: () => path, headers: () => jar.header(), check: (s) => (s === 200 ? null : `status ${s}`) },
    { warmup: 10, count: 60, maxSeconds: 30, timeoutMs: 10000 },
  );
  console.log(path, t.median.toFixed(1));
}
