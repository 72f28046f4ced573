/** What a client may pass as `initializationOptions` beyond the LSP capabilities. */
export interface InitializationOptions {
  /** VS Code's workspace trust; without it the server runs processes (editors with no notion of trust). */
  trusted?: boolean;
  /** false for clients with their own copy of the snippets (VS Code has them from its manifest). */
  snippets?: boolean;
  /** false for clients that show a unit's state themselves (VS Code's status bar and lens): the server's lens then counts references only. */
  stateInLens?: boolean;
  /** "document": man: links in Documentation= lead to MAN_PAGE_SCHEME documents; "web" (the default): to a web page. */
  manPageLinks?: "web" | "document";
}

/** `unitsmith-man:/systemd.exec(5).md`: a man page the client shows by asking SHOW_MAN_PAGE for its Markdown. */
export const MAN_PAGE_SCHEME = "unitsmith-man";
