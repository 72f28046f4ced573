import { Worker } from "node:worker_threads";
import type { ManualText } from "../language/host";
import type { DirectiveHint } from "../systemd/manPages";
import type { HostWorkerAnswer, HostWorkerQuestion } from "./hostWorkerMessages";

type Question = HostWorkerQuestion extends infer Q ? (Q extends { id: number } ? Omit<Q, "id"> : never) : never;

interface Pending {
  answered: (answer: HostWorkerAnswer) => void;
  failed: (error: Error) => void;
}

/**
 * The main thread's side of the Node host's worker thread (`hostWorkerMain.ts`), started on the
 * first question. When the thread cannot start or dies, every question pending and every later one
 * fails, and the host does the work itself.
 */
export class HostWorker {
  private worker: Worker | undefined;
  private broken: Error | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Each manual answer, kept as the thread keeps its pages: after the first, a hover asks nothing of the thread. */
  private readonly manuals = new Map<string, Promise<ManualText | undefined>>();

  /**
   * `online` is called once the thread runs: a thread's start sets some of V8's flags back for the
   * whole process, and the owner may set them again.
   */
  constructor(
    private readonly script: string,
    private readonly online?: () => void,
  ) {}

  /** The first `maxBytes` of each file; undefined for a file it cannot read. */
  async texts(paths: readonly string[], maxBytes: number): Promise<(string | undefined)[]> {
    let texts: (string | undefined)[] = [];
    await this.ask({ ask: "texts", paths, maxBytes }, (answer) => {
      if ("texts" in answer) texts = answer.texts;
    });
    return texts;
  }

  /** Has the thread parse these pages now, ahead of the hovers that quote them. */
  preparePages(names: readonly string[], section: string): void {
    this.ask({ ask: "pages", names, section }, () => undefined).catch(() => undefined);
  }

  directiveDoc(name: string, hint: DirectiveHint): Promise<ManualText | undefined> {
    return this.manual({ ask: "directiveDoc", name, hint });
  }

  termEntry(page: string, term: string): Promise<ManualText | undefined> {
    return this.manual({ ask: "termEntry", page, term });
  }

  private manual(question: Question): Promise<ManualText | undefined> {
    const key = JSON.stringify(question);
    let manual = this.manuals.get(key);
    if (!manual) {
      let found: ManualText | undefined;
      manual = this.ask(question, (answer) => {
        if ("manual" in answer) found = answer.manual;
      }).then(() => found);
      this.manuals.set(key, manual);
      // A question the thread could not answer is asked again (of this thread, by the host).
      manual.catch(() => this.manuals.delete(key));
    }
    return manual;
  }

  /** Sends a question; `answered` takes its answer. */
  private ask(question: Question, answered: (answer: HostWorkerAnswer) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const worker = this.started();
      if (!worker) return reject(this.broken);
      const id = this.nextId++;
      this.pending.set(id, {
        answered: (answer) => {
          answered(answer);
          resolve();
        },
        failed: reject,
      });
      // The thread keeps the process alive only while it has work.
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ ...question, id } as HostWorkerQuestion);
    });
  }

  private started(): Worker | undefined {
    if (this.broken || this.worker) return this.worker;
    try {
      const worker = new Worker(this.script);
      if (this.online) worker.once("online", this.online);
      worker.on("message", (answer: HostWorkerAnswer) => {
        this.pending.get(answer.id)?.answered(answer);
        this.pending.delete(answer.id);
        if (this.pending.size === 0) worker.unref();
      });
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", () => this.fail(new Error("the host's worker thread stopped")));
      this.worker = worker;
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
    }
    return this.worker;
  }

  private fail(error: Error): void {
    if (this.worker === undefined && this.pending.size === 0) return;
    this.broken ??= error;
    this.worker = undefined;
    for (const pending of this.pending.values()) pending.failed(error);
    this.pending.clear();
  }
}
