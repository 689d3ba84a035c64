/**
 * What the user sees while a server call is out: "Loading…" in a live region, the controls
 * that call the server disabled, and afterwards either nothing or a readable error.
 */
import { failureOf } from './server';

export class Feedback {
  private pending = 0;
  private focusBeforeBusy: HTMLElement | null = null;

  /**
   * @param root where the controls marked `data-server` live
   * @param status a polite live region for "Loading…"
   * @param error an alert region for failures
   */
  constructor(
    private readonly root: HTMLElement,
    private readonly status: HTMLElement,
    private readonly error: HTMLElement,
  ) {}

  get busy(): boolean {
    return this.pending > 0;
  }

  /**
   * Runs `work` with the page in its loading state. A failure shows its message in the error
   * region (or hands it, with the form field the server named, to `onError`) and resolves to
   * undefined.
   */
  async run<T>(
    label: string,
    work: () => Promise<T>,
    onError?: (message: string, field: string | null) => void,
  ): Promise<T | undefined> {
    this.start(label);
    try {
      return await work();
    } catch (err) {
      const { message, field } = failureOf(err);
      if (onError) onError(message, field);
      else this.showError(message);
      return undefined;
    } finally {
      this.finish();
    }
  }

  showError(message: string): void {
    this.error.textContent = message;
    this.error.hidden = false;
  }

  clearError(): void {
    this.error.textContent = '';
    this.error.hidden = true;
  }

  private start(label: string): void {
    if (this.pending === 0) {
      this.focusBeforeBusy = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    }
    this.pending += 1;
    this.clearError();
    this.status.textContent = label;
    this.root.setAttribute('aria-busy', 'true');
    this.applyDisabled();
  }

  private finish(): void {
    this.pending -= 1;
    if (this.pending > 0) return;
    this.status.textContent = '';
    this.root.removeAttribute('aria-busy');
    this.applyDisabled();
    // Disabling the focused button drops focus to the page; put keyboard users back.
    const previous = this.focusBeforeBusy;
    this.focusBeforeBusy = null;
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost && previous && previous.isConnected && !(previous as HTMLButtonElement).disabled) previous.focus();
  }

  /** Sets `disabled` on every server control: busy, or blocked for its own reason (`data-blocked`). */
  applyDisabled(): void {
    for (const control of Array.from(
      this.root.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>('[data-server]'),
    )) {
      control.disabled = this.busy || control.dataset.blocked === 'true';
    }
  }

  /** Blocks or unblocks a server control for a reason of its own (say, no week after today). */
  block(control: HTMLElement, blocked: boolean): void {
    control.dataset.blocked = String(blocked);
    this.applyDisabled();
  }
}
