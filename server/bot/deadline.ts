// Teams gives an invoke 5 s; the bot answers inside a shorter deadline rather
// than let a slow tenant turn into a failed card.

/** Thrown by `within` when the work did not settle in time. */
export class Deadline extends Error {}

/** `work`'s result, or a `Deadline` rejection once `ms` have passed. */
export async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Deadline()), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
