/** What the Node host asks of its worker thread: the first `maxBytes` of each file; the answer repeats the id. */
export interface HostWorkerQuestion {
  id: number;
  paths: readonly string[];
  maxBytes: number;
}

/** The texts of the files asked for, undefined where one cannot be read. */
export interface HostWorkerAnswer {
  id: number;
  texts: (string | undefined)[];
}
