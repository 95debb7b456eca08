import fs from "node:fs";
import path from "node:path";

/**
 * PGlite has no cross-process lock, and two processes on one folder silently lose
 * writes. Whoever opens the folder first writes its PID here; anyone else refuses.
 */
export function acquireDataDirLock(folder: string): () => void {
  const lockFile = path.join(folder, "pharos.lock");
  const holder = readHolder(lockFile);
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `The embedded database in ${folder} is in use by process ${holder} (probably the running Pharos server). ` +
        "Stop it first, or point DATABASE_URL at a PostgreSQL server.",
    );
  }
  fs.writeFileSync(lockFile, String(process.pid));
  const release = () => {
    if (readHolder(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
  };
  process.once("exit", release);
  return release;
}

function readHolder(lockFile: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockFile, "utf8"), 10);
    return Number.isFinite(pid) ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
