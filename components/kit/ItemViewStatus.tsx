/** What an item view shows before its item is there: the error that stopped it opening, or "Opening…". */

interface ItemViewStatusProps {
  /** The view's test id, so tests find the same element before and after loading. */
  testId: string;
  /** Why the item could not be opened; null while it is still opening. */
  error: string | null;
}

/** The error or opening state of an item view (own or received). */
export function ItemViewStatus({ testId, error }: ItemViewStatusProps) {
  if (error !== null) {
    return (
      <article className="item-view" data-testid={testId}>
        <p className="form-error" role="alert">{error}</p>
      </article>
    );
  }
  return (
    <article className="item-view" data-testid={testId} aria-busy="true">
      <p className="status">Opening…</p>
    </article>
  );
}
