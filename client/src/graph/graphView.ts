// Runs in the dependency graph's webview: lays out the DOT the extension sends and asks it to open
// the file of a unit that is clicked.
import { instance } from "@viz-js/viz";
import type { FromGraphView, ToGraphView } from "./graphPage";

declare function acquireVsCodeApi(): { postMessage(message: FromGraphView): void };

const host = acquireVsCodeApi();
const container = document.getElementById("graph")!;

window.addEventListener("message", async (event: MessageEvent<ToGraphView>) => {
  const svg = (await instance()).renderSVGElement(event.data.dot);
  // Graphviz turns each node's URL into a link; the extension opens it instead of the webview.
  for (const link of svg.querySelectorAll("a")) {
    const target = link.getAttribute("xlink:href") ?? link.getAttribute("href");
    link.removeAttribute("xlink:href");
    link.removeAttribute("href");
    if (target) link.addEventListener("click", () => host.postMessage({ open: target }));
  }
  container.replaceChildren(svg);
});
host.postMessage({ ready: true });
