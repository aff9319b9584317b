// Keyset pages: a list query fetches limit + 1 rows; the extra row only says that there is more, and
// the last row kept is the next page's cursor.
export function cursorPage<T extends { id: string }>(
  rows: T[],
  limit: number,
): { items: T[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items, nextCursor: hasMore ? items[items.length - 1].id : null };
}

/** Case-insensitive search over a question and its answer (Q&A pairs, learned items). */
export function questionAnswerSearch(search: string | undefined) {
  return search
    ? {
        OR: [
          { question: { contains: search, mode: "insensitive" as const } },
          { answer: { contains: search, mode: "insensitive" as const } },
        ],
      }
    : {};
}
