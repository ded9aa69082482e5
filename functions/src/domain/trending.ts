/**
 * Trending, as published on the about page: an idea's trending score is the sum of its activity
 * (its creation and each vote), each weighted 2^((t − t0) / half-life), where t is when the
 * activity happened and t0 the start of the process. Sorting by that sum is sorting by
 * exponentially time-decayed activity: an activity a half-life older counts half as much. A vote
 * needs one atomic ADD and no re-computation; an un-vote subtracts the weight its vote added.
 *
 * DynamoDB adds numbers exactly to 38 significant digits; with a one-week half-life the weights stay
 * below 2^53 for a year after t0, so sums of them stay exact.
 */
export const TRENDING_HALF_LIFE_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

export function trendWeight(at: Date, processStart: Date, halfLifeDays = TRENDING_HALF_LIFE_DAYS): number {
  const halfLives = Math.max(0, at.getTime() - processStart.getTime()) / (halfLifeDays * DAY_MS);
  // Six decimals are plenty to order ideas and keep the stored decimal short.
  return Math.round(2 ** halfLives * 1e6) / 1e6;
}
