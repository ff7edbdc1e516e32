import { allParts, anyParts } from '../engine/combine.js';
import type { Condition, Judgement, Note } from '../engine/condition.js';
import { requireAmount, requireAnswer, requireValue } from '../engine/judgements.js';
import type { Programme } from '../engine/programme.js';
import { figureSatisfies } from '../logic/bounds.js';
import type { FactPath } from '../facts/catalog.js';
import type { Facts } from '../facts/schema.js';
import { chineseDate, type IsoDate } from '../logic/dates.js';
import type { Edition } from '../logic/editions.js';
import { KECHUANG_EDITIONS, techServiceStaffText, type KechuangStandard } from '../parameters/kechuang.js';
import { hnteCertificateLastDay, holdsValidCertificate } from './hnte-certificate.js';

type Kc = Condition<null>;

/**
 * The day the enterprise was registered in 南通: given, or its founding day when it was founded after the cut-off
 * (it cannot have arrived before it existed), or — not registered in 南通 yet — a day still to come.
 */
function nantongArrival(facts: Facts): { known: true; date: IsoDate } | { known: false; notBefore?: IsoDate } {
  if (facts.nantongRegistrationDate !== undefined) return { known: true, date: facts.nantongRegistrationDate };
  if (facts.region === '市外') return { known: false };
  return facts.registrationDate === undefined ? { known: false } : { known: false, notBefore: facts.registrationDate };
}

/**
 * What settles the day of arrival: whether the enterprise was founded in 南通 at all (then it is the founding
 * date), then the date that is still missing.
 */
function arrivalQuestions(facts: Facts): FactPath[] {
  // founded before 2022, it may have arrived in 2021, where 条件8's grant decides
  const grantMatters = facts.registrationDate !== undefined && facts.kechuangIpGrantedInCarveOut === undefined && facts.ipSupportsMainProduct !== false;
  const grant: FactPath[] = grantMatters ? ['kechuangIpGrantedInCarveOut'] : [];
  if (facts.nantongOrigin === 'movedIn') return ['nantongRegistrationDate', ...grant];
  const founding: FactPath[] = facts.registrationDate === undefined ? ['registrationDate'] : [];
  return facts.nantongOrigin === undefined ? ['nantongOrigin', ...founding, ...grant] : founding;
}

/** A yes/no part of a condition whose answer falls short: what to change, as the text requires it. */
function withGap(j: Judgement, gap: string): Judgement {
  // set on the judgement itself, made fresh for this part (condition.ts says why, not a copy)
  if (j.status === 'unmet') j.gap = gap;
  return j;
}

const INDUSTRY = { manufacturing: '制造业', techService: '科技服务业', other: '其他行业' } as const;

/**
 * Whether the enterprise came to 南通 as a 高企: as answered, or from the dates when they settle it (a certificate
 * issued before the day of arrival and still valid on it; an enterprise founded in 南通 was none).
 */
function hnteOnArrival(facts: Facts): boolean | undefined {
  if (facts.hnteWhenIntroduced !== undefined) return facts.hnteWhenIntroduced;
  const arrival = facts.nantongRegistrationDate;
  if (arrival === undefined) return undefined;
  if (arrival === facts.registrationDate) return false;
  const issued = facts.hnteCertDate;
  if (issued !== undefined && issued < arrival && hnteCertificateLastDay(issued) >= arrival) return true;
  return undefined;
}

/** 条件1's "引进": asked as 新设立 / 迁入 first, since 新设立 settles it (no enterprise founded in 南通 arrived as a 高企). */
function arrivedAsHnte(facts: Facts, says: { yes: string; no: string }): Judgement {
  const onArrival = hnteOnArrival(facts);
  const j = requireValue(onArrival, 'hnteWhenIntroduced', true, says);
  if (j.status === 'unknown' && facts.nantongOrigin === undefined) j.open = ['nantongOrigin'];
  // 第十八条: only a move as a whole keeps the qualification across 认定机构 areas; the dates cannot tell which
  if (onArrival === true && facts.hnteWhenIntroduced === undefined) {
    j.detail += '（按证书日期推断；跨省部分搬迁的须由迁入地重新认定，若属此情形请告知“迁入时不是高企”）';
  }
  return j;
}

/** 《南通市科创项目认定标准》 as one edition words it: every base condition, and any one of conditions 1–8. */
export function kechuangProjectOf(K: KechuangStandard): Programme<null> {
  const SINCE = K.base.registeredSince.date;
  const SINCE_TEXT = chineseDate(SINCE);
  const CARVE_OUT = K.base.carveOut2021;

  const registeredSince2022: Kc = {
    id: 'kc-base-registered-since-2022',
    label: `${SINCE_TEXT}以来在南通注册`,
    cites: [K.base.registeredSince.cite],
    remedy: 'none',
    judge: ({ facts }) => {
      const arrival = nantongArrival(facts);
      if (arrival.known) {
        if (arrival.date >= SINCE) return { status: 'met', detail: `在南通注册（迁入）日期 ${arrival.date}，属${SINCE_TEXT}以来` };
        if (arrival.date < CARVE_OUT.registeredFrom) return { status: 'unmet', detail: `在南通注册（迁入）日期 ${arrival.date}，早于${SINCE_TEXT}，也早于条件8所含的2021年` };
        // the parenthesis admits it through that grant only, so the grant must also meet the rest of 条件8: with it,
        // 条件8 holds (the grant is self-applied, see facts/answers.ts) and no other route is needed
        const j = allParts(
          requireAnswer(facts, 'kechuangIpGrantedInCarveOut', true, {
            yes: `在南通注册（迁入）日期 ${arrival.date}，属条件8所含“2021年以来注册”，自主申请的Ⅰ类知识产权于2022年11月21日—12月31日期间获得授权`,
            no: `在南通注册（迁入）日期 ${arrival.date}，早于${SINCE_TEXT}；自主申请的Ⅰ类知识产权不是于2022年11月21日—12月31日期间获得，不适用条件8括号内的规定`,
          }),
          requireAnswer(facts, 'ipSupportsMainProduct', true, { yes: '该知识产权对主要产品发挥核心支持作用', no: '该知识产权未对主要产品发挥核心支持作用（条件8括号内的规定不适用）' }),
        );
        j.cites = [CARVE_OUT.cite];
        return j;
      }
      if (facts.region === '市外') return { status: 'met', detail: `尚未在南通注册；今后落户南通即属${SINCE_TEXT}以来注册` };
      if (arrival.notBefore !== undefined && arrival.notBefore >= SINCE) {
        return { status: 'met', detail: `注册成立日期 ${arrival.notBefore}，在南通注册不会早于此日，属${SINCE_TEXT}以来` };
      }
      // a founding date since the cut-off would settle it too, but only as "met": the day of arrival is what can decide
      const founded = arrival.notBefore ? `企业成立于 ${arrival.notBefore}；` : '';
      return { status: 'unknown', detail: `${founded}尚不知道在南通注册（迁入）的日期（要求${SINCE_TEXT}以来）`, open: arrivalQuestions(facts) };
    },
  };

  const attracted: Kc = {
    id: 'kc-base-attracted-from-outside',
    label: '从市外招引',
    cites: [K.base.registeredSince.cite, K.base.attracted.cite],
    remedy: 'none',
    judge: ({ facts }) =>
      requireAnswer(facts, 'attractedFromOutside', true, { yes: '属于从市外招引（解释说明1）', no: '不属于解释说明1所称的从市外招引' }),
  };

  const registeredInNantong: Kc = {
    id: 'kc-base-registered-in-nantong',
    label: '注册在南通',
    cites: [K.base.registeredInNantong.cite],
    remedy: 'improve',
    judge: ({ facts }) => {
      if (facts.region === undefined) {
        return facts.nantongRegistrationDate === undefined
          ? { status: 'unknown', detail: '尚不知道注册所在板块', open: ['region'] }
          : { status: 'met', detail: `${facts.nantongRegistrationDate} 在南通注册` };
      }
      return facts.region === '市外'
        ? { status: 'unmet', detail: '尚未在南通注册', gap: '需先在南通注册落地' }
        : { status: 'met', detail: `注册在${facts.region}` };
    },
  };

  const operating: Kc = {
    id: 'kc-base-operating-normally',
    label: '正常运营',
    cites: K.base.operating.cites,
    remedy: 'improve',
    judge: ({ facts }) => {
      const j = requireAnswer(facts, 'operatingNormally', true, { yes: '已正常运营（解释说明2）', no: '尚未达到解释说明2所称的正常运营' });
      if (j.status === 'unmet') {
        j.gap = facts.industryType === 'techService'
          ? `科技服务业企业需已正常运转且${techServiceStaffText(K)}`
          : '制造业企业需达到用地项目开工要求，或主营产品设备安装基本到位，或已正常开工生产（含部分投产、试营业）';
      }
      return j;
    },
  };

  const neverRecognised: Kc = {
    id: 'kc-base-never-recognised',
    label: '从未认定为科创项目',
    cites: [K.base.neverRecognised.cite],
    remedy: 'none',
    judge: ({ facts }) => requireAnswer(facts, 'kechuangRecognizedBefore', false, { yes: '已被认定过科创项目', no: '从未被认定为科创项目' }),
  };

  const industry: Kc = {
    id: 'kc-base-industry',
    label: '制造业或科技服务业企业',
    cites: [K.base.industry.cite],
    remedy: 'none',
    judge: ({ facts }) => {
      const t = facts.industryType;
      if (t === undefined) return { status: 'unknown', detail: '尚不知道行业类别（要求制造业或科技服务业）', open: ['industryType'] };
      return t === 'other' ? { status: 'unmet', detail: '属于其他行业，不是制造业或科技服务业' } : { status: 'met', detail: `属于${INDUSTRY[t]}` };
    },
  };

  const field: Kc = {
    id: 'kc-base-field',
    label: '核心技术属于国家重点支持的高新技术领域，或经营范围属于江苏省高新技术产业目录',
    cites: [K.base.field.cite],
    remedy: 'none',
    judge: ({ facts }) => {
      const f = facts.highTechField;
      const national: Judgement =
        f === undefined
          ? { status: 'unknown', detail: '尚不知道核心技术所属领域', open: ['highTechField'] }
          : f === 'none'
            ? { status: 'unmet', detail: '核心技术不属于《国家重点支持的高新技术领域》' }
            : { status: 'met', detail: `核心技术属于“${f}”领域` };
      const jiangsu = requireAnswer(facts, 'inJiangsuHighTechCatalog', true, {
        yes: '主要经营范围属于《江苏省高新技术产业统计分类目录》',
        no: '主要经营范围不属于《江苏省高新技术产业统计分类目录》',
      });
      return anyParts(national, jiangsu);
    },
  };

  const investment: Kc = {
    id: 'kc-base-investment',
    label: `货币投资形成的有形资产或当年应税销售收入${K.base.investment.tangibleAssets.text}`,
    cites: K.base.investment.cites,
    remedy: 'improve',
    judge: ({ facts }) =>
      anyParts(
        requireAmount(facts, 'tangibleAssetsFromCash', K.base.investment.tangibleAssets),
        requireAmount(facts, 'taxableSalesThisYear', K.base.investment.taxableSales),
      ),
  };

  const route1: Kc = {
    id: 'kc-route-1-hnte',
    label: '条件1：引进有效期内高新技术企业，或母公司为市外高新技术企业',
    cites: [K.routes.hnte.cite, K.routes.hnte.firstCertificateCite, K.routes.hnte.deductedCite],
    remedy: 'none',
    judge: ({ facts, asOf }) => {
      const introduced = allParts(
        requireValue(holdsValidCertificate(facts, asOf), 'hnteCertified', true, { yes: '企业持有有效期内高新技术企业证书', no: '企业目前未持有有效的高企证书' }),
        arrivedAsHnte(facts, {
          yes: '迁入南通时已是有效期内的高新技术企业',
          no: '迁入南通时不是有效期内的高新技术企业（落户后首次获得高企认定的，按其他说明3计入“通过高新技术企业认定的项目”数，不计入招引科创项目数）',
        }),
      );
      return anyParts(
        introduced,
        requireAnswer(facts, 'parentIsOutsideHnte', true, { yes: '母公司为市外高新技术企业', no: '母公司不是市外高新技术企业' }),
      );
    },
  };

  const route2: Kc = {
    id: 'kc-route-2-founder',
    label: `条件2：主要原始股东为全日制理工类硕士及以上、个人货币出资到账${K.routes.founder.cashPaidIn.text}并担任主要负责人`,
    cites: [K.routes.founder.cite],
    remedy: 'improve',
    // every part the text requires that is not met is a gap of its own, not only the one with an amount
    judge: ({ facts }) =>
      allParts(
        withGap(
          requireAnswer(facts, 'founderStemMasters', true, { yes: '主要原始股东之一为全日制理工类硕士及以上', no: '主要原始股东中没有全日制理工类硕士及以上学历者' }),
          '需有主要原始股东（股份占比不少于30%或自然人第一大股东）为全日制理工类硕士及以上学历',
        ),
        requireAmount(facts, 'founderCashPaidIn', K.routes.founder.cashPaidIn, '个人货币出资到账'),
        withGap(
          requireAnswer(facts, 'founderIsPrincipal', true, { yes: '该股东担任公司主要负责人', no: '该股东未担任董事长、总经理、执行董事等主要负责人' }),
          '该股东需担任公司主要负责人（任董事长、总经理、执行董事等职务，不包括监事，并在工商信息系统备案）',
        ),
      ),
  };

  const route3: Kc = {
    id: 'kc-route-3-talent-programme',
    label: '条件3：获市“江海英才”或省“双创人才”支持的创业类项目',
    cites: [K.routes.talent.cite],
    remedy: 'improve',
    judge: ({ facts }) => requireAnswer(facts, 'talentProgramStartup', true, { yes: '为获“江海英才”或“双创人才”支持的创业类项目', no: '不是获“江海英才”或“双创人才”支持的创业类项目' }),
  };

  const route4: Kc = {
    id: 'kc-route-4-talent-funding',
    label: `条件4：项目股东在南通市外获评资助总额${K.routes.talentFunding.amount.text}的科技人才政策支持`,
    cites: [K.routes.talentFunding.cite],
    remedy: 'none',
    judge: ({ facts }) => requireAmount(facts, 'shareholderTalentFundingOutside', K.routes.talentFunding.amount, '市外人才政策资助总额'),
  };

  const route5: Kc = {
    id: 'kc-route-5-competition',
    label: '条件5：“创业江苏”行业赛前十名或江苏人才创新创业大赛决赛一二三等奖',
    cites: [K.routes.competition.cite],
    remedy: 'improve',
    judge: ({ facts }) => requireAnswer(facts, 'competitionAward', true, { yes: '已获创业大赛相应名次或奖项', no: '未获创业大赛相应名次或奖项' }),
  };

  const route6: Kc = {
    id: 'kc-route-6-cultivation-pool',
    label: '条件6：市高新技术企业培育入库企业',
    cites: [K.routes.pool.cite],
    remedy: 'improve',
    judge: ({ facts }) => requireAnswer(facts, 'inCultivationPool', true, { yes: '已入南通市高企培育库', no: '尚未入南通市高企培育库' }),
  };

  const route7: Kc = {
    id: 'kc-route-7-capital',
    label: `条件7：落地后获社会资本投资${K.routes.capital.investment.text}或投后估值${K.routes.capital.valuation.text}（属地国有资本占比${K.routes.capital.stateShare.text}）`,
    cites: [K.routes.capital.cite],
    remedy: 'improve',
    judge: ({ facts }) =>
      allParts(
        anyParts(
          requireAmount(facts, 'socialInvestmentAfterLanding', K.routes.capital.investment),
          requireAmount(facts, 'postMoneyValuation', K.routes.capital.valuation),
        ),
        requireAmount(facts, 'localStateCapitalShare', K.routes.capital.stateShare),
      ),
  };

  /** Self-applied utility models are Ⅱ类 IP, so a known Ⅱ类 count below three already rules three of them out. */
  function utilityModels(facts: Facts): Judgement {
    const { utilityModelsSelfApplied: given, ipClassII } = facts;
    if (given === undefined && ipClassII !== undefined && !figureSatisfies(ipClassII, K.routes.ip.utilityModels)) {
      return { status: 'unmet', detail: `Ⅱ类知识产权共 ${ipClassII} 项，自主申请授权的实用新型专利达不到${K.routes.ip.utilityModels.text}` };
    }
    return requireAmount(facts, 'utilityModelsSelfApplied', K.routes.ip.utilityModels, '自主申请授权的实用新型专利');
  }

  const route8: Kc = {
    id: 'kc-route-8-ip',
    label: `条件8：按规定途径获得Ⅰ类知识产权或自主申请授权${K.routes.ip.utilityModels.text}实用新型专利，且对主要产品发挥核心支持作用`,
    cites: K.routes.ip.cites,
    remedy: 'improve',
    judge: ({ facts }) =>
      allParts(
        anyParts(
          requireAnswer(facts, 'kechuangIpRoute', true, { yes: '已按第8条所列途径获得Ⅰ类知识产权', no: '未按第8条所列途径获得Ⅰ类知识产权' }),
          utilityModels(facts),
        ),
        requireAnswer(facts, 'ipSupportsMainProduct', true, { yes: '上述知识产权对主要产品发挥核心支持作用', no: '上述知识产权未对主要产品发挥核心支持作用' }),
      ),
  };

  const NOTES: readonly Note[] = [
    { text: `依据${K.edition}。认定结果按该版文本判断，版本说明不改变结论。`, cites: [] },
    { text: K.notes.quota.text, cites: [K.notes.quota.cite] },
    ...K.notes.other.map((n) => ({ text: n.text, cites: [n.cite] })),
  ];

  return {
    id: 'kechuang-project-2023',
    title: K.title,
    cites: [K.conditions],
    prepare: () => null,
    rule: {
      all: [
        registeredSince2022, attracted, registeredInNantong, operating, neverRecognised, industry, field, investment,
        { any: [route1, route2, route3, route4, route5, route6, route7, route8] },
      ],
    },
    score: () => null,
    notes: () => NOTES,
  };
}

/** The programme for each edition of the standard, from the day that edition applies. */
export const KECHUANG_PROJECTS: readonly Edition<Programme<null>>[] = KECHUANG_EDITIONS.map(({ since, values }) => ({ since, values: kechuangProjectOf(values) }));

