import type { OperationFailure } from "../protocol/operationResults";

/** Whether the server may run anything for the client. The client says whether the workspace is trusted. */
export interface ExecutionPolicy {
  isTrusted(): boolean;
}

export const UNTRUSTED_WORKSPACE: OperationFailure = {
  ok: false,
  reason: "untrusted-workspace",
  message:
    "This workspace is not trusted, so Unitsmith runs no systemd commands and changes no files. Trust the workspace to operate units.",
};
