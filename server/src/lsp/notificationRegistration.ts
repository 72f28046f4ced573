import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, type Connection } from "vscode-languageserver";
import { PROJECT_FILE } from "../language/project/projectConfig";
import { UNIT_TYPES } from "../language/unitKind";

/** The files whose changes the server hears of: unit files, drop-ins (.conf) and project files. */
const WATCHED_FILES = [`**/*.{${UNIT_TYPES.join(",")},conf}`, `**/${PROJECT_FILE}`];

/** Asks for the notifications the server listens to, where the client lets a server register them after initialize. */
export function registerNotifications(connection: Connection, can: { configuration: boolean; watchedFiles: boolean }): void {
  if (can.configuration) void connection.client.register(DidChangeConfigurationNotification.type, { section: "unitsmith" });
  if (can.watchedFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: WATCHED_FILES.map((globPattern) => ({ globPattern })),
    });
  }
}
