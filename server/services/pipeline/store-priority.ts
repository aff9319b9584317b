// Storing a customer's message comes before answering one: an agent's ack and the agents' screens wait
// for the store, and the answer can wait a little. While more than QUIET stores are in flight, a
// message about to be answered waits (at most MAX_WAIT_MS, so a flood cannot starve the answers).
// Both share the process's CPU and the database; without this, answering a backlog stretched the
// stores of new messages behind it.

const QUIET = 1;
const MAX_WAIT_MS = 50;

let storing = 0;
const waiting = new Set<() => void>();

function release(): void {
  if (storing > QUIET) return;
  for (const wake of waiting) wake();
  waiting.clear();
}

/** Runs a store, counted as in flight. */
export async function asStore<T>(store: () => Promise<T>): Promise<T> {
  storing++;
  try {
    return await store();
  } finally {
    storing--;
    release();
  }
}

/** Resolves once the stores in flight are few (or MAX_WAIT_MS passed). */
export function storesQuiet(): Promise<void> {
  if (storing <= QUIET) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, MAX_WAIT_MS);
    function done() {
      clearTimeout(timer);
      waiting.delete(done);
      resolve();
    }
    waiting.add(done);
  });
}
