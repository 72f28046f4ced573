import type { Position, Range, TextEdit } from "vscode-languageserver-types";

/**
 * Lines as LSP counts them (LF, CRLF and a lone CR end a line), computed here independently of the
 * server's own line index so the checks do not trust the code they check.
 */
export class DocumentGeometry {
  readonly lineStarts: number[] = [0];
  readonly lineLengths: number[] = [];

  constructor(readonly text: string) {
    const pattern = /\r\n|\r|\n/g;
    let start = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      this.lineLengths.push(match.index - start);
      start = match.index + match[0].length;
      this.lineStarts.push(start);
    }
    this.lineLengths.push(text.length - start);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Raw numbers onto positions: any line of the document, columns up to two past the line's end (LSP clamps those). */
  positionsIn(spots: readonly (readonly [number, number])[]): Position[] {
    return spots.map(([line, character]) => {
      const l = line % this.lineCount;
      return { line: l, character: character % ((this.lineLengths[l] ?? 0) + 3) };
    });
  }

  has(position: Position): boolean {
    return (
      position.line >= 0 &&
      position.line < this.lineCount &&
      position.character >= 0 &&
      position.character <= this.lineLengths[position.line]!
    );
  }

  contains(range: Range): boolean {
    return this.has(range.start) && this.has(range.end) && compare(range.start, range.end) <= 0;
  }

  offsetAt(position: Position): number {
    return this.lineStarts[position.line]! + position.character;
  }

  /** Applies non-overlapping edits; throws when two overlap or one leaves the document. */
  apply(edits: readonly TextEdit[]): string {
    const sorted = [...edits].sort((a, b) => compare(a.range.start, b.range.start));
    let out = "";
    let at = 0;
    for (const edit of sorted) {
      if (!this.contains(edit.range)) throw new Error(`edit outside the document: ${JSON.stringify(edit.range)}`);
      const start = this.offsetAt(edit.range.start);
      if (start < at) throw new Error(`overlapping edits at ${JSON.stringify(edit.range)}`);
      out += this.text.slice(at, start) + edit.newText;
      at = this.offsetAt(edit.range.end);
    }
    return out + this.text.slice(at);
  }
}

export function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeWithin(inner: Range, outer: Range): boolean {
  return compare(outer.start, inner.start) <= 0 && compare(inner.end, outer.end) <= 0;
}
