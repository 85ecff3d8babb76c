// Pages and rare parts load on demand; a chunk that cannot be fetched (offline,
// a deploy replaced it) must say so and offer a retry, not blank the tab.
import { Component, type ReactNode } from 'react';
import { shellStrings as strings } from '../shellStrings.js';

interface Props {
  children: ReactNode;
  /** What to show above the retry; the page-load message by default. */
  message?: string;
}

export class LoadBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert">
        <p>{this.props.message ?? strings.pageLoadFailed}</p>
        {/* A failed dynamic import is remembered by the browser: only a reload asks again. */}
        <button type="button" onClick={() => window.location.reload()}>
          {strings.retry}
        </button>
      </div>
    );
  }
}
