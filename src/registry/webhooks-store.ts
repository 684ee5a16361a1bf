/**
 * Webhook subscriptions: a URL, the events it wants, and the secret deliveries are signed
 * with. The secret is shown once, at creation; it is stored as is because signing needs it
 * (a hash cannot sign) — protect the registry file like any credential store. It is never
 * logged and never part of a workflow's history: the delivery activity reads it here.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { RegistryDatabase } from './db';
import { prepareQuery } from './prepared';

export const webhookEvents = ['run.completed', 'run.failed', 'incident.created'] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

export interface WebhookSubscriptionsTable {
  id: string;
  url: string;
  events: string;
  secret: string;
  created_at: string;
}

export interface WebhookSubscription {
  id: string;
  url: string;
  events: WebhookEvent[];
  createdAt: string;
}

export interface WebhookStore {
  /** Subscribes; the secret is returned here and never again by the API. */
  create(input: { url: string; events: WebhookEvent[] }): Promise<{
    subscription: WebhookSubscription;
    secret: string;
  }>;
  list(): Promise<WebhookSubscription[]>;
  delete(id: string): Promise<boolean>;
  /** Every event some subscription wants (empty: no subscriptions). */
  subscribedEvents(): Promise<WebhookEvent[]>;
  /** The subscriptions that want `event`. */
  forEvent(event: WebhookEvent): Promise<WebhookSubscription[]>;
  /** One subscription with its secret (for signing a delivery). */
  withSecret(id: string): Promise<(WebhookSubscription & { secret: string }) | undefined>;
}

function toSubscription(row: WebhookSubscriptionsTable): WebhookSubscription {
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as WebhookEvent[],
    createdAt: row.created_at,
  };
}

export function createWebhookStore(base: Kysely<RegistryDatabase>): WebhookStore {
  const db = base.withTables<{ webhook_subscriptions: WebhookSubscriptionsTable }>();
  const eventLists = prepareQuery(db, (q) =>
    q.selectFrom('webhook_subscriptions').select('events').distinct(),
  );
  const all = async () =>
    (await db.selectFrom('webhook_subscriptions').selectAll().orderBy('created_at').execute()).map(
      toSubscription,
    );
  return {
    async create(input) {
      const secret = `whsec_${randomBytes(32).toString('base64url')}`;
      const row: WebhookSubscriptionsTable = {
        id: randomUUID(),
        url: input.url,
        events: JSON.stringify([...new Set(input.events)]),
        secret,
        created_at: new Date().toISOString(),
      };
      await db.insertInto('webhook_subscriptions').values(row).execute();
      return { subscription: toSubscription(row), secret };
    },
    list: all,
    async delete(id) {
      const r = await db
        .deleteFrom('webhook_subscriptions')
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async subscribedEvents() {
      // Read on every start (no cache): a new subscription applies to the next instance.
      const rows = await eventLists(db);
      const events = new Set<WebhookEvent>();
      for (const r of rows) for (const e of JSON.parse(r.events) as WebhookEvent[]) events.add(e);
      return webhookEvents.filter((e) => events.has(e));
    },
    async forEvent(event) {
      return (await all()).filter((s) => s.events.includes(event));
    },
    async withSecret(id) {
      const row = await db
        .selectFrom('webhook_subscriptions')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && { ...toSubscription(row), secret: row.secret };
    },
  };
}
