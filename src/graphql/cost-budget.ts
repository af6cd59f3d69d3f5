/** An organisation's budget of query cost, after Shopify's: a bucket of points that refills steadily. */
export interface BucketSettings {
  /** Points in a full bucket: the most one organisation can spend in a burst. */
  maximumAvailable: number;
  /** Points restored each second: what one organisation can spend over time. */
  restoreRate: number;
}

/** What a response tells of the bucket, in Shopify's words (`extensions.cost.throttleStatus`). */
export interface ThrottleStatus extends BucketSettings {
  currentlyAvailable: number;
}

export interface CostBudget {
  /** Takes `cost` points from the organisation's bucket if it holds that many; nothing otherwise. */
  draw(organisationId: string, cost: number): Promise<{ granted: boolean; throttleStatus: ThrottleStatus }>;
  close(): Promise<void>;
}

/** A bucket's points at a moment (milliseconds on the clock that measures it). */
export interface Bucket {
  available: number;
  at: number;
}

/**
 * The leaky-bucket rule: since its last use a bucket refills linearly, up to full (a bucket never
 * used is full); a draw of a non-negative cost takes it only if the bucket holds that much. A clock
 * that steps back restores nothing. The Redis script in cost-budget-redis.ts is this rule in Lua.
 */
export function drawFromBucket(bucket: Bucket | undefined, cost: number, now: number, settings: BucketSettings): { granted: boolean; bucket: Bucket } {
  const { maximumAvailable, restoreRate } = settings;
  const restored = bucket ? bucket.available + (Math.max(0, now - bucket.at) * restoreRate) / 1000 : maximumAvailable;
  const available = Math.min(maximumAvailable, restored);
  const granted = cost <= available;
  return { granted, bucket: { available: granted ? available - cost : available, at: now } };
}

/** Shopify reports whole points; the bucket keeps fractions so that restoring stays exact. */
export function throttleStatus(settings: BucketSettings, available: number): ThrottleStatus {
  return { maximumAvailable: settings.maximumAvailable, currentlyAvailable: Math.floor(available), restoreRate: settings.restoreRate };
}

/** The buckets of one server instance (no REDIS_URL, or Redis away): one per organisation. */
export function memoryCostBudget(settings: BucketSettings, now: () => number = () => performance.now()): CostBudget {
  const buckets = new Map<string, Bucket>();
  return {
    async draw(organisationId, cost) {
      const { granted, bucket } = drawFromBucket(buckets.get(organisationId), cost, now(), settings);
      buckets.set(organisationId, bucket);
      return { granted, throttleStatus: throttleStatus(settings, bucket.available) };
    },
    close: async () => {},
  };
}
