// Loaded by the server before its session's bundle is compiled (V8 takes a code cache only
// under the flags it was made with).
// The young generation stays at its first size: requests leave garbage in small, short bursts,
// and letting it grow to V8's 16 MiB semi-spaces cost a quarter of the server's resident memory.
// The old generation may grow by 35% past what survived its last collection before it is
// collected again, where V8 would let it grow up to fourfold: 12 MiB less resident memory with a
// hundred units open, for about 15% more instructions in a 5,000-line unit's analysis.
// A worker thread's start sets V8's semi-space growth factor back for the whole process: the
// server sets the flags again once its worker runs (workspace/hostWorker.ts).
import { setFlagsFromString } from "node:v8";

export function setHeapFlags(): void {
  setFlagsFromString("--semi-space-growth-factor=1");
  setFlagsFromString("--heap-growing-percent=35");
}

setHeapFlags();
