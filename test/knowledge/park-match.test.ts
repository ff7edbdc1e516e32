import { describe, expect, it } from 'vitest';
import { directionsOf, matchParks } from '../../knowledge/records/park-match.js';
import type { ParkRecord } from '../../knowledge/records/records.js';
import { sectorsIn } from '../../knowledge/records/sectors.js';
import { PARKS_2024 } from '../../rules/parameters/parks-2024.js';
import { testKnowledge } from '../helpers/knowledge.js';

const knowledge = testKnowledge();
const records = knowledge.store.records.filter((r): r is ParkRecord => r.kind === 'park');

describe('the 空间布局 records and the parks matcher', () => {
  it('reads all 20 rows of the table, as the rules parameters list them', () => {
    expect(records.map((r) => [r.region, r.park, r.directions])).toEqual(PARKS_2024.map((p) => [p.region, p.park, p.directions]));
  });

  it('splits a 主攻方向 cell into directions and the terms in their brackets', () => {
    expect(directionsOf('第三代半导体、生物医药(合成生物、植介入医疗器械等)、绿色能源装备(海洋电力领域等)')).toEqual([
      { text: '第三代半导体', head: '第三代半导体', terms: [] },
      { text: '生物医药(合成生物、植介入医疗器械等)', head: '生物医药', terms: ['合成生物', '植介入医疗器械'] },
      { text: '绿色能源装备(海洋电力领域等)', head: '绿色能源装备', terms: ['海洋电力领域'] },
    ]);
  });

  it("quotes, for every direction of every park, a part of that park's own row", () => {
    for (const row of PARKS_2024) {
      for (const d of directionsOf(row.directions)) {
        const sectors = sectorsIn(d.text).map((m) => m.sector);
        if (sectors.length === 0) continue;
        const fit = matchParks([row], sectors)[0];
        expect(fit, `${row.park} ${d.text}`).toBeDefined();
        const cited = knowledge.resolve({ doc: 'nantong-2024-37', quote: fit!.quote });
        expect(cited.clauseId, `${row.park}: ${fit!.quote}`).toBe(records.find((r) => r.park === row.park)!.clauseId);
      }
    }
  });

  it('among rows fitting alike, the one writing the longest run of the question comes first; without it, the fit and the table order', () => {
    const sectors = sectorsIn('大分子抗体药').map((m) => m.sector);
    expect(matchParks(records, sectors, undefined, '大分子抗体药往哪个园区引')[0]!.row.park).toBe('南通创新区');
    // the rules' advice passes no question: its order is the fit's and the table's alone
    expect(matchParks(records, sectors)[0]!.row.park).toBe('如东开发区');
  });

  it('every direction of the table names a sector the vocabulary knows', () => {
    const unknown = PARKS_2024.flatMap((row) => directionsOf(row.directions)).filter((d) => sectorsIn(d.text).length === 0).map((d) => d.text);
    expect(unknown).toEqual([]);
  });
});
