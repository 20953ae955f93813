import type { SinkFamily } from '../../configurator/configuratorTypes';
import type { OrderDetail } from '../ordersApi';

/** One unit to build, as the wizard walks them: its number, its family and what is saved for it. */
export interface WizardBuild {
  buildNumber: string;
  sinkId: string;
  family: SinkFamily | undefined;
  familyName: string;
  configuration: Record<string, unknown> | null;
  configuredPrice: number | null;
  accessories: { partNumber: string; quantity: number }[];
}

/** A family as the order names it (by id; the code is accepted too, in case the API answers with it). */
export const findFamily = (families: SinkFamily[] | undefined, id: string) => families?.find((f) => f.id === id || f.code === id);

/** The order's builds in selection order (one per unit), joined with the family and the saved build. */
export function wizardBuilds(order: OrderDetail, families: SinkFamily[] | undefined): WizardBuild[] {
  const saved = new Map(order.builds.map((b) => [b.buildNumber, b]));
  return order.sinks.flatMap((s) =>
    s.buildNumbers.map((buildNumber) => {
      const b = saved.get(buildNumber);
      return {
        buildNumber,
        sinkId: s.id,
        family: findFamily(families, s.sinkFamily.id),
        familyName: s.sinkFamily.name,
        configuration: b?.configuration ?? null,
        configuredPrice: b?.configuredPrice ?? null,
        accessories: (b?.accessories ?? []).map((a) => ({ partNumber: a.partNumber, quantity: a.quantity })),
      };
    }),
  );
}

/** Where a draft resumes: the step after the furthest one saved (spec 2.1 counts saved steps). */
export const resumeStep = (saved: number) => Math.min(Math.max(saved + 1, 1), 5);
