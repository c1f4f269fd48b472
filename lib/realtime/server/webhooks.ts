import { hmacHex } from './protocol';

export type WebhookEvent =
  | { name: 'channel_occupied' | 'channel_vacated'; channel: string }
  | { name: 'member_added' | 'member_removed'; channel: string; user_id: string };

interface WebhookOptions {
  url?: string;
  key: string;
  secret: string;
  /** channel_vacated / member_removed wait this long and are dropped if undone in time. */
  vacateDelayMs: number;
  /** Called once when deliveries start failing, not for every lost webhook of an outage. */
  onError?: (error: unknown) => void;
  onRecovered?: () => void;
}

const flushEveryMs = 20;
const retryDelaysMs = [250, 1000, 4000];

/**
 * Sends webhooks as Pusher does: batched `{time_ms, events}` bodies signed with the app secret
 * (`X-Pusher-Key`, `X-Pusher-Signature`: HMAC-SHA256 of the body). Leaving events are held back
 * so that a quick reconnect, such as a page reload, produces no webhooks at all.
 */
export class WebhookSender {
  private queue: WebhookEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly pendingLeaves = new Map<string, { timer: NodeJS.Timeout; event: WebhookEvent }>();
  private readonly inFlight = new Set<Promise<void>>();
  private failing = false;

  constructor(private readonly options: WebhookOptions) {}

  get enabled(): boolean {
    return Boolean(this.options.url);
  }

  channelOccupied(channel: string): void {
    if (this.cancelLeave(`c:${channel}`)) return;
    this.push({ name: 'channel_occupied', channel });
  }

  channelVacated(channel: string): void {
    this.delayLeave(`c:${channel}`, { name: 'channel_vacated', channel });
  }

  memberAdded(channel: string, userId: string): void {
    if (this.cancelLeave(`m:${channel}:${userId}`)) return;
    this.push({ name: 'member_added', channel, user_id: userId });
  }

  memberRemoved(channel: string, userId: string): void {
    this.delayLeave(`m:${channel}:${userId}`, { name: 'member_removed', channel, user_id: userId });
  }

  /** Sends what is queued, leaving events included, and waits for delivery. */
  async close(): Promise<void> {
    // Nobody comes back to a server that is going away: the held-back leaves are final.
    for (const { timer, event } of this.pendingLeaves.values()) {
      clearTimeout(timer);
      this.push(event);
    }
    this.pendingLeaves.clear();
    this.flush();
    await Promise.all(this.inFlight);
  }

  private cancelLeave(id: string): boolean {
    const pending = this.pendingLeaves.get(id);
    if (!pending) return false;
    clearTimeout(pending.timer);
    this.pendingLeaves.delete(id);
    return true;
  }

  private delayLeave(id: string, event: WebhookEvent): void {
    if (!this.enabled) return;
    if (this.options.vacateDelayMs === 0) return this.push(event);
    this.cancelLeave(id);
    const timer = setTimeout(() => {
      this.pendingLeaves.delete(id);
      this.push(event);
    }, this.options.vacateDelayMs);
    timer.unref();
    this.pendingLeaves.set(id, { timer, event });
  }

  private push(event: WebhookEvent): void {
    if (!this.enabled) return;
    this.queue.push(event);
    this.timer ??= setTimeout(() => this.flush(), flushEveryMs);
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0) return;
    const body = JSON.stringify({ time_ms: Date.now(), events: this.queue });
    this.queue = [];
    const delivery = this.deliver(body).finally(() => this.inFlight.delete(delivery));
    this.inFlight.add(delivery);
  }

  private async deliver(body: string): Promise<void> {
    const headers = {
      'content-type': 'application/json',
      'x-pusher-key': this.options.key,
      'x-pusher-signature': hmacHex(this.options.secret, body),
    };
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await fetch(this.options.url!, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
        if (!response.ok) throw new Error(`webhook answered ${response.status}`);
        if (this.failing) this.options.onRecovered?.();
        this.failing = false;
        return;
      } catch (error) {
        if (attempt >= retryDelaysMs.length) {
          if (!this.failing) this.options.onError?.(error);
          this.failing = true;
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, retryDelaysMs[attempt]));
      }
    }
  }
}
