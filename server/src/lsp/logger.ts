/** Where the server writes what went wrong and what it did: the client's log (the Unitsmith output channel in VS Code). */
export interface Logger {
  error(message: string): void;
  info(message: string): void;
}
