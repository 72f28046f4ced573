import type { Connection, TextDocuments } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Logger } from "./handlerGuard";
import type { Analysis } from "./language/analysis";
import type { TargetSystemd } from "./language/rules/rule";
import type { Settings } from "./settings/settings";
import type { ManPageLibrary } from "./systemd/manPages";
import type { MachineKnowledge } from "./workspace/intellisense";

/** What the client asked for at initialize beyond LSP capabilities. */
export interface ClientPreferences {
  /** Editors with their own copy of the snippets (VS Code) turn the server's off. */
  offerSnippets: boolean;
  /** Where man: links in Documentation= lead: the web, or a read-only document the client renders. */
  manPageLinks: "web" | "document";
}

/** The server's state as the request handlers see it; each getter returns the current value. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  logger: Logger;
  manPages: ManPageLibrary;
  analysisOf(uri: string): Analysis | undefined;
  settings(): Settings;
  target(): TargetSystemd;
  machine(): MachineKnowledge;
  preferences(): ClientPreferences;
}
