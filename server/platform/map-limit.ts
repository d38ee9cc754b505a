/**
 * `Promise.all` over `items` with at most `limit` calls in flight, results in input order. Enough
 * parallelism to hide latency (disk, an SFTP round trip) without opening a file per managed path
 * at once on a host with many of them.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function lane() {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
