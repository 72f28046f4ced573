/** The messages between the dependency graph's webview and the extension. */
export type ToGraphView = { dot: string };
/** ready: the page can take the graph; open: a unit was clicked, its file URI. */
export type FromGraphView = { ready: true } | { open: string };

/**
 * The webview's page: the graph's script (which lays out the DOT with Graphviz, compiled to
 * WebAssembly, and draws it) and nothing else may run.
 */
export function graphPageHtml(scriptUri: string, cspSource: string, title: string): string {
  const escaped = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${cspSource} data:; style-src 'unsafe-inline'; script-src ${cspSource} 'wasm-unsafe-eval';">
<title>${escaped}</title>
<style>
  body { margin: 0; padding: 12px; background: #ffffff; font-family: sans-serif; }
  #legend { font-size: 12px; color: #57606a; margin-bottom: 8px; }
  #graph svg { max-width: 100%; height: auto; }
  #graph a { cursor: pointer; }
</style>
</head>
<body>
<div id="legend">solid: requires or wants · dashed: ordered after · dotted: conflicts · click a unit to open its file</div>
<div id="graph">Laying out the graph…</div>
<script src="${scriptUri}"></script>
</body>
</html>
`;
}
