/**
 * The cost-versus-RTO frontier: every strategy and variant as a point (DR monthly cost, RTO P90). A point is
 * dominated when another costs no more and recovers no slower, and is strictly better on one of the two. Pure.
 */
export interface FrontierInput {
  id: string;
  cost: number;
  rtoP90: number;
}

export interface FrontierPoint extends FrontierInput {
  pareto: boolean;
  dominatedBy: string | null;
}

export function paretoFrontier(points: readonly FrontierInput[]): FrontierPoint[] {
  return points.map((p) => {
    const dominators = points.filter((q) => q.id !== p.id && q.cost <= p.cost && q.rtoP90 <= p.rtoP90 && (q.cost < p.cost || q.rtoP90 < p.rtoP90));
    // Name the cheapest dominator: "X costs less and recovers at least as fast".
    const by = dominators.sort((x, y) => x.cost - y.cost || x.rtoP90 - y.rtoP90)[0];
    return { ...p, pareto: !by, dominatedBy: by ? by.id : null };
  });
}
