/**
 * A polite live region that takes no space while empty: `display: contents` generates no box, so an
 * empty region adds no grid/flex gap to the form around it, yet it is in the DOM from the start
 * (regions inserted together with their message are often not announced).
 */
export function LiveRegion({ children }: { children: React.ReactNode }) {
  return (
    <div aria-live="polite" className="contents">
      {children}
    </div>
  );
}
