/**
 * An in-process async mutex per key: tasks with the same key run one after
 * another in call order, tasks with different keys run freely. The lock file
 * keeps other processes out, so this is all the serialisation one incident
 * needs for read-modify-write.
 */
const settle = (): void => undefined;

export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    // The queue continues whether the task succeeded or not; the caller still sees the failure.
    const tail = result.then(settle, settle);
    this.tails.set(key, tail);
    void tail.then(() => {
      // Forget idle keys so the map does not grow with every incident ever touched.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
