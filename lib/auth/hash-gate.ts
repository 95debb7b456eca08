import { availableParallelism } from "node:os";

/**
 * Lets at most `slots` password hashes run at once and queues the rest in arrival order.
 *
 * A bcrypt hash is ≈100 ms of pure CPU on a libuv thread. Sixteen parallel sign-ins fill
 * libuv's pool (four threads) and every core, so the event loop and whatever else needs the
 * pool (zlib, the WebCrypto behind the session cookie, file reads) wait seconds for a turn:
 * health went to 4 s. Leaving one core to the event loop keeps it answering in milliseconds;
 * the burst takes as long as before, since the cores were the limit all along.
 */
export function hashGate(slots = Math.max(1, availableParallelism() - 1)) {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  return async function gated<T>(work: () => Promise<T>): Promise<T> {
    if (running >= slots) await new Promise<void>((go) => waiting.push(go));
    running++;
    try {
      return await work();
    } finally {
      release();
    }
  };
}
