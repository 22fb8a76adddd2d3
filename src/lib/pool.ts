// A small concurrency limiter: engine and encoder processes share the machine's cores through it.
import { availableParallelism } from "node:os";

/** Runs at most `size` tasks at a time, in the order they were queued. */
export class Pool {
  readonly size: number;
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(size = availableParallelism()) {
    this.size = Math.max(1, size);
  }

  /** Queues a task (urgent ones before the others); resolves with its result when it has run. */
  run<T>(task: () => Promise<T>, urgent = false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.running++;
        task()
          .then(resolve, reject)
          .finally(() => {
            this.running--;
            this.queue.shift()?.();
          });
      };
      if (this.running < this.size) start();
      else if (urgent) this.queue.unshift(start);
      else this.queue.push(start);
    });
  }
}
