/**
 * The workbench address that makes code-server load a development extension and run its tests
 * in the extension host, the way desktop VS Code does with --extensionDevelopmentPath and
 * --extensionTestsPath. Paths are on the code-server machine; they are passed as vscode-remote
 * URIs so the remote extension host (not the browser) loads them.
 */
export function extensionTestUrl(
  origin: string,
  options: { folder: string; extensionDevelopmentPath: string; extensionTestsPath?: string },
): string {
  const authority = new URL(origin).host;
  const remote = (path: string): string => `vscode-remote://${authority}${encodeURI(path)}`;
  const payload: [string, string][] = [["extensionDevelopmentPath", remote(options.extensionDevelopmentPath)]];
  if (options.extensionTestsPath) payload.push(["extensionTestsPath", remote(options.extensionTestsPath)]);
  const query = new URLSearchParams({ folder: options.folder, payload: JSON.stringify(payload) });
  return `${origin}/?${query.toString()}`;
}
