import { channels, type Channel } from './assisted';

/**
 * The share of each channel in a kind of contribution (ideas, comments, survey answers), as the
 * committee's export and its annex show it: every channel in the fixed order of `channels`, with its
 * count and its share of the kind's total. zod-free, so the annex page computes exactly what the
 * spreadsheet says.
 */

export interface ChannelShare {
  channel: Channel;
  count: number;
  /** A fraction between 0 and 1; 0 when the kind has no contributions at all (no division by zero). */
  share: number;
}

export function channelShares(counts: Readonly<Record<Channel, number>>): ChannelShare[] {
  const total = channels.reduce((sum, c) => sum + counts[c], 0);
  return channels.map((channel) => ({ channel, count: counts[channel], share: total === 0 ? 0 : counts[channel] / total }));
}

/** A share as people read it: "12,5 %" in Danish, "12.5%" in English, at most one decimal. */
export function percentText(share: number, locale: 'da' | 'en'): string {
  return new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(share).replace(/\u00a0/g, ' ');
}

/**
 * Counts of channels as read from stored items: an item without a channel came in on the web (every
 * item from before channels were recorded did). A value this version does not know counts as web too,
 * rather than breaking the sum.
 */
export function countChannels(items: Iterable<string | undefined>): Record<Channel, number> {
  const counts = Object.fromEntries(channels.map((c) => [c, 0])) as Record<Channel, number>;
  for (const c of items) counts[c !== undefined && c in counts ? (c as Channel) : 'web'] += 1;
  return counts;
}
