/**
 * Server → client, from a server with no file system of its own (the browser build): the URIs
 * of the workspace's files that may be unit files or drop-ins. The client answers from its
 * workspace (VS Code: `workspace.findFiles`); the server keeps those that are.
 */
export const WORKSPACE_FILES = "unitsmith/workspaceFiles";

export type WorkspaceFilesResult = string[];

/** Server → client: the first `maxBytes` of a workspace file as UTF-8 text; null when it cannot be read. */
export const READ_WORKSPACE_FILE = "unitsmith/readWorkspaceFile";

export interface ReadWorkspaceFileParams {
  uri: string;
  maxBytes: number;
}

export type ReadWorkspaceFileResult = string | null;
