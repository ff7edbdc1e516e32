import { latestRegistration, possibleAssessmentYears } from '../facts/fiscal-years.js';
import type { Condition, Context, Judgement, Note } from '../engine/condition.js';
import { requireAmount, requireAnswer, requireValue } from '../engine/judgements.js';
import { judgementSaying } from '../engine/said-later.js';
import type { Assessment, ExpertItem, ExpertPart, Programme } from '../engine/programme.js';
import { figureSatisfies, satisfies } from '../logic/bounds.js';
import { addYears } from '../logic/dates.js';
import { jointEditions, type Edition } from '../logic/editions.js';
import { showInterval } from '../logic/interval.js';
import { countInWords, percent } from '../logic/format.js';
import { HNTE_MEASURES_EDITIONS, HNTE_SCORING_EDITIONS, type HnteMeasures, type HnteScoring } from '../parameters/hnte.js';
import { hnteCertificateLastDay } from './hnte-certificate.js';
import { rdIntensityOf } from './hnte-rd-intensity.js';
import { residentInChina } from './resident.js';
import { hnteScoreOf, type HnteScore } from './hnte-score.js';
import { staffShare, staffShortfall } from './staff-share.js';

interface HnteData {
  windows: number[][];
  innovation: HnteScore;
}

type Hc = Condition<HnteData>;

/** The score at the middle of every band the experts still place, as the estimate's figure. */
function middleScore(score: HnteScore['score']): number {
  return score.components.reduce((total, c) => total + (c.points.min + c.points.max) / 2, 0);
}

/** 《高新技术企业认定管理办法》第十一条（一）–（八）, all of them at once, as one edition of the 办法 and one of the 指引 word them. */
export function hnteOf(M: HnteMeasures, S: HnteScoring): Programme<HnteData> {
  const innovationScore = hnteScoreOf(S);
  const rdIntensity = rdIntensityOf(M.rdIntensity.bands);

  const resident: Hc = {
    id: 'hnte-0-resident',
    label: '在中国境内（不包括港、澳、台地区）注册的居民企业（第二条）',
    cites: [M.resident.cite],
    remedy: 'none',
    judge: ({ facts }) => residentInChina(facts),
  };

  /** the period of （一）in words, as its text writes it: 一年 */
  const YEARS = `${countInWords(M.registered.years.value)}${M.registered.years.unit}`;

  const registered: Hc = {
    id: 'hnte-1-registered-one-year',
    label: `（一）注册成立${M.registered.years.text}`,
    cites: [M.registered.cite],
    remedy: 'wait',
    judge: ({ facts, asOf }) => {
      const d = facts.registrationDate;
      if (d === undefined) {
        const latest = latestRegistration(facts, asOf);
        return addYears(latest, M.registered.years.value) <= asOf
          ? { status: 'met', detail: `注册成立日期未给出，但不晚于 ${latest}（由高企证书颁发日、在南通注册日或已有数据的年度可知），至 ${asOf} 已满${YEARS}` }
          : { status: 'unknown', detail: `尚不知道注册成立日期（要求注册成立${M.registered.years.text}）`, open: ['registrationDate'] };
      }
      const ready = addYears(d, M.registered.years.value);
      return ready <= asOf
        ? { status: 'met', detail: `注册成立于 ${d}，至 ${asOf} 已满${YEARS}` }
        : { status: 'unmet', detail: `注册成立于 ${d}，至 ${asOf} 未满${YEARS}`, gap: `注册满${YEARS}：${ready} 起`, metOn: ready };
    },
  };

  const ipOwnership: Hc = {
    id: 'hnte-2-ip-ownership',
    label: '（二）拥有对主要产品（服务）发挥核心支持作用的知识产权的所有权',
    cites: [M.ipOwnership.cite],
    remedy: 'improve',
    judge: ({ facts }) => {
      const j = requireAnswer(facts, 'ipCoreSupport', true, {
        yes: '拥有对主要产品（服务）发挥核心支持作用的知识产权',
        no: '尚未拥有对主要产品（服务）发挥核心支持作用的知识产权',
      });
      if (j.status === 'unmet') j.gap = '需通过自主研发、受让、受赠、并购等方式获得核心知识产权的所有权';
      return j;
    },
  };

  const field: Hc = {
    id: 'hnte-3-field',
    label: '（三）核心技术属于《国家重点支持的高新技术领域》',
    cites: [M.field.cite],
    remedy: 'none',
    judge: ({ facts }): Judgement => {
      const f = facts.highTechField;
      if (f === undefined) return { status: 'unknown', detail: '尚不知道核心技术所属领域', open: ['highTechField'] };
      return f === 'none'
        ? { status: 'unmet', detail: '核心技术不属于《国家重点支持的高新技术领域》' }
        : { status: 'met', detail: `核心技术属于“${f}”领域` };
    },
  };

  const scienceStaff: Hc = {
    id: 'hnte-4-science-staff',
    label: `（四）科技人员占职工总数的比例${M.scienceStaff.share.text}`,
    cites: [M.scienceStaff.cite],
    remedy: 'improve',
    judge: ({ facts }) => {
      const b = M.scienceStaff.share;
      const share = staffShare(facts);
      if (share.kind === 'unknown') return { status: 'unknown', detail: '尚不知道科技人员数和职工总数', open: share.open };
      if (share.kind === 'none') return { status: 'unmet', detail: `${share.why}，要求科技人员占比${b.text}` };
      const { staff, employees } = share;
      const say = () => `科技人员占比 ${percent(share.percent, b.value)}（${staff}/${employees}），要求${b.text}`;
      const { short, hires } = staffShortfall(staff, employees, b.value);
      if (!satisfies(share.percent, b)) {
        return judgementSaying('unmet', say, `还差 ${short} 名科技人员（按职工总数 ${employees} 人计；若新招科技人员，需新招 ${hires} 名）`);
      }
      const spare = staffShortfall(0, employees, b.value).short;
      return judgementSaying('met', say, staff - spare <= Math.max(1, Math.ceil(spare * 0.1)) ? `仅比要求多 ${staff - spare} 名科技人员，人员变动可能导致不达标` : undefined);
    },
  };

  const rdIntensityCondition: Hc = {
    id: 'hnte-5-rd-intensity',
    label: '（五）近三个会计年度研究开发费用总额占同期销售收入总额的比例符合要求',
    cites: [M.rdIntensity.cite],
    remedy: 'improve',
    judge: ({ facts }, { windows }) => rdIntensity(facts, windows),
  };

  const rdInChina: Hc = {
    id: 'hnte-5-rd-in-china',
    label: `（五）境内研究开发费用占全部研究开发费用的比例${M.rdInChina.share.text}`,
    cites: [M.rdInChina.cite],
    remedy: 'improve',
    judge: ({ facts }) => requireAmount(facts, 'rdExpenseChinaShare', M.rdInChina.share, '境内研发费用占比'),
  };

  const highTechIncome: Hc = {
    id: 'hnte-6-high-tech-income',
    label: `（六）近一年高新技术产品（服务）收入占同期总收入的比例${M.highTechIncome.share.text}`,
    cites: [M.highTechIncome.cite],
    remedy: 'improve',
    judge: ({ facts }) => requireAmount(facts, 'highTechIncomeShare', M.highTechIncome.share, '高新技术产品（服务）收入占比'),
  };

  /** the pass mark, 70 exclusive: the sentences below say so as the scoring guideline does ("70分以上（不含70分）") */
  const PASS = S.pass.score.value;

  const innovation: Hc = {
    id: 'hnte-7-innovation-score',
    label: `（七）企业创新能力评价达到要求（综合得分${PASS}分以上，不含${PASS}分）`,
    cites: [M.innovation.cite, S.pass.cite],
    remedy: 'improve',
    judge: (_ctx, { innovation: { score, open } }): Judgement => {
      const { min, max } = score.points;
      const say = () => {
        const parts = score.components.map((c) => `${c.label} ${showInterval(c.points)}`).join('，');
        return `创新能力评价得分区间 ${showInterval(score.points)} 分（${parts}），要求${PASS}分以上（不含${PASS}分）`;
      };
      if (figureSatisfies(min, S.pass.score)) return judgementSaying('met', say, min - PASS <= 5 ? `最低可能得分 ${min} 分，余量很小` : undefined);
      if (!figureSatisfies(max, S.pass.score)) return judgementSaying('unmet', say, `最高可能得分 ${max} 分，至少还需提高 ${PASS + 1 - max} 分`);
      if (open.length === 0) {
        return judgementSaying('unknown', () => `${say()}；各评分要素均已给出，能否超过${PASS}分取决于评审专家在各档次内的具体打分`, undefined, open);
      }
      return judgementSaying('unknown', say, undefined, open);
    },
  };

  const noIncident: Hc = {
    id: 'hnte-8-no-major-incident',
    label: '（八）申请认定前一年内未发生重大安全、重大质量事故或严重环境违法行为',
    cites: [M.noIncident.cite],
    remedy: 'wait',
    judge: ({ facts }) => {
      // none since the start of last year means none in the twelve months before applying either
      const none = facts.majorIncidentSincePreviousYear === false ? false : undefined;
      const incident = facts.majorIncidentLastYear ?? none;
      // one question settles both this and 科小（四）
      if (incident === undefined) return { status: 'unknown', detail: '尚不知道申请前一年内是否发生过重大安全、重大质量事故或严重环境违法行为', open: ['majorIncidentPeriod'] };
      const j = requireValue(incident, 'majorIncidentLastYear', false, {
        yes: '申请前一年内发生过重大安全、重大质量事故或严重环境违法行为',
        no: '申请前一年内未发生重大安全、重大质量事故或严重环境违法行为',
      });
      if (j.status === 'unmet') j.gap = '需待该事故或违法行为发生满一年后再申请';
      return j;
    },
  };

  /** How much of the 研究开发组织管理水平 points carry the score over the line even with every other part at its lowest. */
  function managementSentence(score: HnteScore['score']): string {
    const m = score.components.find((c) => c.id === 'management')!;
    if (m.points.max === 0) return '';
    const need = PASS + 1 - (score.points.min - m.points.min);
    if (need > m.points.max) return '';
    return need <= m.points.max / 2
      ? `若专家对已建立的研发组织管理制度给出一半以上分值（合计 ${Math.ceil(m.points.max / 2)} 分以上），即使其余各项都按档内最低分计，创新能力评价也达到${PASS}分以上。`
      : `即使其余各项都按档内最低分计，只要研究开发组织管理水平得到 ${need} 分以上（已建立的制度最多 ${m.points.max} 分），创新能力评价即达到${PASS}分以上。`;
  }

  function assess(score: HnteScore['score']): Assessment {
    const { margin } = S.assessment;
    const middle = middleScore(score);
    const estimate = middle > PASS + margin ? 'likely' : middle <= PASS - margin ? 'unlikely' : 'uncertain';
    const basis =
      `估算，不是认定结论：按专家评分各项取档内中间值，创新能力评价约 ${middle} 分（可能区间 ${score.points.min}–${score.points.max} 分，须${PASS}分以上、不含${PASS}分）；各项在档内的具体分值由评审专家确定。` +
      managementSentence(score);
    return { estimate, basis };
  }

  /** While the innovation score straddles the line: the parts only the experts place, and the estimate. */
  function expert({ innovation: { score } }: HnteData): ExpertPart | null {
    if (figureSatisfies(score.points.min, S.pass.score) || !figureSatisfies(score.points.max, S.pass.score)) return null;
    // pushed, not map()ped: see addPointsOf (logic/interval.ts)
    const decides: ExpertItem[] = [];
    for (const c of score.components) if (c.points.min < c.points.max && c.open.length === 0) decides.push({ id: c.id, label: c.label, points: c.points, max: c.max });
    return { decides, assessment: assess(score) };
  }

  function notes({ facts }: Context, { innovation: { score, open } }: HnteData): Note[] {
    const out: Note[] = [
      { text: `依据${M.edition}第十一条；创新能力评价依据${S.edition}。`, cites: [] },
      { text: '创新能力评分按《工作指引》各档次的分值范围给出区间，档内的具体分值由评审专家确定。', cites: [S.pass.cite] },
    ];
    if (open.length === 0 && score.points.min <= PASS && score.points.max > PASS) {
      out.push({ text: `评分要素都已给出，得分区间仍跨越${PASS}分线：结论取决于专家评审，不再需要补充事实。`, cites: [] });
    }
    if (facts.hnteCertified === true) {
      const validity = facts.hnteCertDate
        ? `${facts.hnteCertDate} 颁发，有效期至 ${hnteCertificateLastDay(facts.hnteCertDate)}`
        : `有效期自颁发证书之日起${countInWords(M.certificate.years)}年`;
      out.push({ text: `企业已持有高新技术企业证书（${validity}）；本结果仍按第十一条逐项判断，可作为到期重新认定的参考。`, cites: [M.certificate.cite] });
    }
    return out;
  }

  return {
    id: 'hnte',
    title: '高新技术企业认定',
    cites: [M.conditions],
    prepare: ({ facts, asOf }) => {
      const windows = possibleAssessmentYears(facts, asOf);
      return { windows, innovation: innovationScore(facts, windows) };
    },
    rule: { all: [resident, registered, ipOwnership, field, scienceStaff, rdIntensityCondition, rdInChina, highTechIncome, innovation, noIncident] },
    score: ({ innovation }) => innovation.score,
    expert,
    notes,
  };
}

/** The programme from every day the 办法 or the 指引 changes, each built from the two editions then in force. */
export const HNTE_PROGRAMMES: readonly Edition<Programme<HnteData>>[] = jointEditions(HNTE_MEASURES_EDITIONS, HNTE_SCORING_EDITIONS, hnteOf);

