import type { Facts } from './schema.js';

/**
 * What the one-question answers settle, written into the facts the rules read (a copy, never the profile as given).
 * A fact given on its own keeps its value: the validation has already refused a profile where the two disagree.
 */
export function settleFromAnswers(facts: Facts): void {
  const period = facts.majorIncidentPeriod;
  if (period !== undefined) {
    facts.majorIncidentSincePreviousYear ??= period !== 'none';
    facts.majorIncidentLastYear ??= period === 'within12Months';
  }
  if (facts.nantongOrigin === 'foundedHere') {
    // its 南通 registration is its founding, and nothing founded in 南通 arrived there as a 高企
    facts.nantongRegistrationDate ??= facts.registrationDate;
    facts.hnteWhenIntroduced ??= false;
  }
  // one that arrived as a 高企, or registered in 南通 after its founding, was founded elsewhere
  const arrivedLater = facts.nantongRegistrationDate !== undefined && facts.registrationDate !== undefined && facts.nantongRegistrationDate > facts.registrationDate;
  if (facts.hnteWhenIntroduced === true || arrivedLater) facts.nantongOrigin ??= 'movedIn';
  // an own Ⅰ类 grant of 2022-11-21…12-31 is self-applied: the first route condition 8 names
  if (facts.kechuangIpGrantedInCarveOut === true) facts.kechuangIpRoute ??= true;
  // and with no Ⅰ类 IP by any route of condition 8 there is no such grant
  if (facts.kechuangIpRoute === false) facts.kechuangIpGrantedInCarveOut ??= false;
}
