// What a roff escape or request looks like when it leaks into rendered Markdown. An escaped backslash
// (`\\`, a literal backslash in the page) does not count.
const leaks: RegExp[] = [
  /(?<!\\)\\f[BIRPC1-4([]/,
  /(?<!\\)\\\([^\s]{2}/,
  /(?<!\\)\\\*[([]/,
  /(?<!\\)\\m\[/,
  /(?<!\\)\\[hvwNXoDl]'/,
  /(?<!\\)\\s[-+(]?\d/,
  /(?<!\\)\\[&%{}ce]/,
  /^\.(?:RS|RE|PP|LP|IP|TP|SH|SS|sp|br|nf|fi|TS|TE|if|ie|el|ds|de|nr|it|ft|in)\b/m,
  /^T[{}]/m,
];

/** The first roff construct left in `markdown`, or undefined. */
export function roffLeftover(markdown: string): string | undefined {
  for (const leak of leaks) {
    const match = leak.exec(markdown);
    if (match) return markdown.slice(Math.max(0, match.index - 30), match.index + 30);
  }
  return undefined;
}
