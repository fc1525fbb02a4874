import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

export const ALIASES_ANNOTATION = 'cost-tenancy/aliases';
export const BUDGET_ANNOTATION = 'cost-tenancy/monthly-budget';

/** A catalog Group as the cost plugin sees it. */
export type Team = {
  ref: string;
  name: string;
  title: string;
  parentRef: string | null;
  /** Monthly budget and its currency (the report currency when not written). */
  monthlyBudget: { amount: number; currency: string | null } | null;
};

/** A budget written as `2600`, `2600 USD` or `2600.50 EUR`; null when it is none. */
export function parseBudget(text: string | undefined): Team['monthlyBudget'] {
  const m = text && /^(\d+(?:\.\d+)?)\s*([A-Z]{3})?$/.exec(text.trim());
  return m ? { amount: Number(m[1]), currency: m[2] ?? null } : null;
}

/**
 * The organisation's teams from the catalog's Group entities: who is whose
 * parent, which cost tag values and namespace labels name which team (its
 * name or one of its `cost-tenancy/aliases`), and who may see what.
 */
export class TeamDirectory {
  private readonly byRef = new Map<string, Team>();
  private readonly byTagValue = new Map<string, string>();
  private readonly childrenOf = new Map<string, string[]>();

  /**
   * @param budgets - monthly budgets from config by group ref, used where a
   *   group has no `cost-tenancy/monthly-budget` annotation
   */
  constructor(groups: Entity[], budgets: Record<string, string> = {}) {
    for (const group of groups) {
      const ref = stringifyEntityRef(group);
      const parent = (group.spec as any)?.parent;
      const parentRef = parent
        ? stringifyEntityRef(
            parseEntityRef(parent, {
              defaultKind: 'group',
              defaultNamespace: group.metadata.namespace ?? 'default',
            }),
          )
        : null;
      this.byRef.set(ref, {
        ref,
        name: group.metadata.name,
        title:
          (group.spec as any)?.profile?.displayName ??
          group.metadata.title ??
          group.metadata.name,
        parentRef,
        monthlyBudget:
          parseBudget(group.metadata.annotations?.[BUDGET_ANNOTATION]) ??
          parseBudget(budgets[ref]),
      });
      const aliases = (group.metadata.annotations?.[ALIASES_ANNOTATION] ?? '')
        .split(',')
        .map(a => a.trim().toLowerCase())
        .filter(Boolean);
      for (const value of [group.metadata.name.toLowerCase(), ...aliases]) {
        if (!this.byTagValue.has(value)) this.byTagValue.set(value, ref);
      }
    }
    for (const team of this.byRef.values()) {
      if (team.parentRef && this.byRef.has(team.parentRef)) {
        const siblings = this.childrenOf.get(team.parentRef) ?? [];
        siblings.push(team.ref);
        this.childrenOf.set(team.parentRef, siblings);
      }
    }
  }

  get teams(): Team[] {
    return [...this.byRef.values()];
  }

  get(ref: string): Team | undefined {
    return this.byRef.get(ref);
  }

  /** The team a tag or label value names, if any. */
  teamNamed(value: string | null | undefined): string | undefined {
    return value ? this.byTagValue.get(value.toLowerCase()) : undefined;
  }

  children(ref: string): string[] {
    return this.childrenOf.get(ref) ?? [];
  }

  /** The team and every team under it. */
  subtree(ref: string): string[] {
    const result: string[] = [];
    const visit = (r: string) => {
      result.push(r);
      this.children(r).forEach(visit);
    };
    visit(ref);
    return result;
  }

  /** The team's parent, its parent's parent, and so on. */
  ancestors(ref: string): string[] {
    const result: string[] = [];
    let parent = this.byRef.get(ref)?.parentRef;
    while (parent && !result.includes(parent) && this.byRef.has(parent)) {
      result.push(parent);
      parent = this.byRef.get(parent)?.parentRef;
    }
    return result;
  }

  /**
   * What a caller may see, from the groups in their ownership refs: every
   * team for finance groups; otherwise their own teams and those under them.
   */
  visibility(ownershipRefs: string[], financeGroups: string[]) {
    const mine = new Set(ownershipRefs);
    const finance = financeGroups.some(g => mine.has(g));
    const visible = new Set<string>();
    for (const ref of this.byRef.keys()) {
      if (
        finance ||
        mine.has(ref) ||
        this.ancestors(ref).some(a => mine.has(a))
      ) {
        visible.add(ref);
      }
    }
    const roots = [...this.byRef.values()].filter(
      t => !t.parentRef || !this.byRef.has(t.parentRef),
    );
    return {
      visible,
      /** Finance, or members of a top-level group: they also see unallocated spend. */
      organizationWide: finance || roots.some(r => mine.has(r.ref)),
    };
  }
}
