// The pair agreement: the owner edits one template; each person of a pair
// accepts it (in the tab or from the intro card). Sessions can be booked
// before both accepted; the pair shows "agreement pending" until then.
import { errorCodes } from '../../../src/core/api.js';
import {
  agreementPending,
  agreementSections,
  type AgreementTemplate,
  type PairAgreement,
} from '../../../src/core/growth/model.js';
import { PairId } from '../../../src/core/ids.js';
import { unconfirmedFindings, type PhiConfirmation } from '../../../src/core/notes/phi.js';
import type { Pair } from '../../../src/core/schemas.js';
import { isMember, requireId } from '../access.js';
import { nowIso, type ProgramPorts } from '../ports.js';
import { ApiProblem } from '../problem.js';
import {
  acceptancesOf,
  agreementTemplate,
  allAcceptances,
  recordAcceptance,
  saveAgreementTemplate,
} from '../../graph/growthStore.js';

type Ports = Pick<ProgramPorts, 'store' | 'now'>;

const view = (pair: Pair, template: AgreementTemplate, acceptances: PairAgreement['acceptances'], viewer: string) => ({
  pairId: pair.id,
  people: pair.members.map((m) => ({ userId: m.userId, displayName: m.displayName })),
  template,
  acceptances,
  pending: agreementPending(
    pair.members.map((m) => m.userId),
    acceptances,
  ),
  acceptedByMe: acceptances.some((a) => a.userId === viewer),
});

// One answer for "not yours" and "does not exist" (as ../access.ts does for pairs).
const noSuchPair = () => new ApiProblem(errorCodes.notFound, 'There is no such pair that you can see.');

/** A pair of `userId`'s, by an id from outside (a path, a card's data). */
export async function memberPair(ports: Ports, userId: string, pairId: unknown, field: string): Promise<Pair> {
  const pair = await ports.store.pair(requireId(PairId, pairId, field));
  if (!pair || !isMember(pair, userId)) throw noSuchPair();
  return pair;
}

export async function pairAgreement(ports: Ports, pair: Pair, viewer: string): Promise<PairAgreement> {
  const [template, acceptances] = await Promise.all([
    agreementTemplate(ports.store),
    acceptancesOf(ports.store, pair.id),
  ]);
  return view(pair, template, acceptances, viewer);
}

/** The viewer's agreements for each of their pairs, from one read of the list. */
export async function agreementsOfPairs(
  ports: Ports,
  pairs: readonly Pair[],
  viewer: string,
): Promise<PairAgreement[]> {
  const [template, byPair] = await Promise.all([agreementTemplate(ports.store), allAcceptances(ports.store)]);
  return pairs.map((p) => view(p, template, byPair.get(p.id) ?? [], viewer));
}

/** The viewer accepts their pair's agreement; accepting twice keeps the first time. */
export async function acceptAgreement(ports: Ports, viewer: string, pairId: unknown, field: string) {
  const pair = await memberPair(ports, viewer, pairId, field);
  await recordAcceptance(ports.store, pair.id, { userId: viewer, acceptedAt: nowIso(ports) });
  return pairAgreement(ports, pair, viewer);
}

/** The owner saves the template once the PHI guard finds nothing unconfirmed in it (422 naming the field). */
export async function updateAgreementTemplate(
  ports: Ports,
  template: AgreementTemplate,
  confirmations: readonly PhiConfirmation[],
): Promise<AgreementTemplate> {
  const findings = agreementSections.flatMap((section) =>
    unconfirmedFindings(template[section], confirmations).map((f) => ({ field: section, ...f })),
  );
  if (findings.length > 0)
    throw new ApiProblem(errorCodes.phiUnconfirmed, 'the agreement looks like it holds patient identifiers', {
      field: `body.template.${findings[0]!.field}`,
      details: { findings },
    });
  await saveAgreementTemplate(ports.store, template, nowIso(ports));
  return template;
}

export const currentAgreementTemplate = (ports: Ports) => agreementTemplate(ports.store);
