import assert from "node:assert/strict";
import type { Answer, OperationFailure } from "../../../server/src/protocol/operationResults";

/** The answer, which must be a success. */
export function expectOk<T>(answer: Answer<T>): T {
  if (!(answer as { ok: boolean }).ok) assert.fail(`expected success, got ${JSON.stringify(answer)}`);
  return answer as T;
}

/** The answer, which must be a failure for `reason`. */
export function expectFailure<T>(answer: Answer<T>, reason: OperationFailure["reason"]): OperationFailure {
  assert.equal((answer as OperationFailure).ok, false, `expected ${reason}, got ${JSON.stringify(answer)}`);
  assert.equal((answer as OperationFailure).reason, reason, JSON.stringify(answer));
  return answer as OperationFailure;
}
