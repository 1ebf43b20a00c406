import type { UserView } from '@sanad/contracts';
import { indexTerms, matchTier, parseSearchQuery } from '@sanad/search';

/**
 * The members an "@" query offers, best first: the same matching as every Sanad search
 * (@sanad/search), the typed word completed — @محم offers محمد, @کریم offers كريمي, @sara.jo
 * offers sara.johnson@…, from the first letter — then by name. An empty @ offers everyone.
 */
export function mentionChoices(members: UserView[], typed: string, max = 6): UserView[] {
  const byName = (a: UserView, b: UserView): number => a.name.localeCompare(b.name);
  if (!typed.trim()) return [...members].sort(byName).slice(0, max);
  const query = parseSearchQuery(typed, { complete: true, completeFrom: 1 });
  if (!query) return [];
  return members
    .map((member) => ({
      member,
      tier: matchTier(query, new Set(indexTerms(`${member.name} ${member.email}`))),
    }))
    .filter((hit) => hit.tier > 0)
    .sort((a, b) => b.tier - a.tier || byName(a.member, b.member))
    .slice(0, max)
    .map((hit) => hit.member);
}
