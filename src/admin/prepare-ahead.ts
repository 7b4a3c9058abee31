/**
 * Preparing the next people's photos while the current ones wait on Graph. A bulk job is limited by Graph's
 * throttling (about 4 photo requests in flight per app), not by our CPU: if each lane prepared its photo only when
 * its turn came, Graph would sit idle for the length of a preparation at every person. The photo pool runs on
 * worker threads, so preparing a few people ahead costs the lanes nothing.
 *
 * At most `depth` preparations are held (started but not yet taken), so memory stays flat over any job size: a
 * prepared photo is at most 648x648 JPEG.
 */
import type { PreparedPhoto } from '../photo/photo-pipeline.js';

/** Prepares one item's photo (reads its bytes and runs them through the pool). */
export type PrepareItem<T> = (item: T) => Promise<PreparedPhoto>;

export class PrepareAhead<T> {
  private readonly started = new Map<T, Promise<PreparedPhoto>>();
  private readonly position: ReadonlyMap<T, number>;
  private next = 0;

  /**
   * @param order the items in the order the lanes will take them
   * @param depth preparations held ahead at most (the job's concurrency is a good choice)
   */
  constructor(
    private readonly order: readonly T[],
    private readonly depth: number,
    private readonly prepare: PrepareItem<T>,
  ) {
    this.position = new Map(order.map((item, at) => [item, at]));
  }

  /**
   * The item's prepared photo: the one started ahead for it, else prepared now. Taking an item starts the
   * preparation of the next ones, up to `depth` held.
   */
  take(item: T): Promise<PreparedPhoto> {
    const ahead = this.started.get(item);
    this.started.delete(item);
    const photo = ahead ?? this.prepare(item);
    this.fill(item);
    return photo;
  }

  /** Drops what was prepared ahead and not taken (a job stopping). */
  clear(): void {
    this.started.clear();
    this.next = this.order.length;
  }

  private fill(taken: T): void {
    // Items before the one taken are in a lane already (or done): never prepare them ahead.
    const at = this.position.get(taken);
    if (at !== undefined && at >= this.next) this.next = at + 1;
    while (this.started.size < this.depth && this.next < this.order.length) {
      const item = this.order[this.next++] as T;
      const photo = this.prepare(item);
      // A failure surfaces when the item is taken; until then it must not count as unhandled.
      photo.catch(() => undefined);
      this.started.set(item, photo);
    }
  }
}
