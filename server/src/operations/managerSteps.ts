import { OperationError } from "./failures";

/**
 * Runs the steps that need the service manager. When there is none, the steps already done
 * stand: the answer is the manager's absence (its message), not a failure of the whole operation.
 */
export async function unlessNoManager(steps: () => Promise<void>): Promise<string | undefined> {
  try {
    await steps();
    return undefined;
  } catch (error) {
    if (error instanceof OperationError && error.failure.reason === "no-systemd") return error.failure.message;
    throw error;
  }
}
