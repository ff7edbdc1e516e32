import type { CitationRef } from '../../knowledge/citation.js';
import type { Context } from '../engine/condition.js';
import { placesOf, type Place } from '../engine/condition-places.js';
import type { JudgedCondition, JudgedProgramme } from '../engine/programme.js';
import { chineseDate, type IsoDate } from '../logic/dates.js';
import { distinct } from '../logic/distinct.js';
import { countInWords } from '../logic/format.js';
import { allOfEach, anyOfEach, type Tri } from '../logic/tri.js';
import { hnteMeasuresAt } from '../parameters/hnte.js';
import { LADDER } from '../parameters/ladder.js';
import { hnteCertificateLastDay } from '../programmes/hnte-certificate.js';
import type { ProgrammeId } from '../programmes/index.js';

export type StepStatus = 'ready' | 'work' | 'wait' | 'confirm';

export interface RoadmapStep {
  step: number;
  programme: ProgrammeId | 'cultivation-pool';
  title: string;
  /** ready: can apply now; work: gaps to close; wait: only time stands in the way; confirm: facts to check */
  status: StepStatus;
  actions: string[];
  /** the day the last time condition will be met */
  readyOn: IsoDate | null;
  /** the step in one plain sentence, dated where the rules know the day: "2027年1月15日后可申报高企（注册满一年）" */
  plainly: string;
  cites: CitationRef[];
}

type Judged = Readonly<Record<ProgrammeId, JudgedProgramme>>;

const actual = (c: JudgedCondition): Tri => c.status;
/** every gap closed and every open question answered well: only a fixed fact still stands in the way */
const hopeful = (c: JudgedCondition): Tri => (c.status === 'unmet' && c.remedy === 'none' ? 'unmet' : 'met');

/** A judged programme with its conditions at hand by id and by place. */
class Standing {
  private blockedOnce: boolean | undefined;
  readonly tree: Place;

  constructor(readonly programme: JudgedProgramme) {
    this.tree = placesOf(programme);
  }

  condition(id: string): JudgedCondition {
    return this.at(this.programme.positions.get(id)!);
  }

  at(place: number): JudgedCondition {
    return this.programme.conditions[place]!;
  }

  statusUnder(node: Place, status: (c: JudgedCondition) => Tri): Tri {
    if (typeof node === 'number') return status(this.at(node));
    return node.all ? allOfEach(node.children, (n) => this.statusUnder(n, status)) : anyOfEach(node.children, (n) => this.statusUnder(n, status));
  }

  /** Out of reach, even at best (see `hopeful`). Asked more than once of some programmes, so worked out once. */
  get blocked(): boolean {
    return (this.blockedOnce ??= this.statusUnder(this.tree, hopeful) === 'unmet');
  }
}

/** What stands between the enterprise and the programme, walking its conditions as the text combines them. */
function plan(s: Standing): Pick<RoadmapStep, 'status' | 'actions' | 'readyOn' | 'cites'> & { waits: string[]; gaps: number; open: number; atRisk: number } {
  const actions: string[] = [];
  const waits: string[] = [];
  let gaps = 0;
  let open = 0;
  let atRisk = 0;
  const cites: CitationRef[] = s.programme.cites.slice();
  let readyOn: IsoDate | null = null;
  let work = false;
  let wait = false;
  const walk = (node: Place, option: boolean): void => {
    if (typeof node === 'number') {
      const c = s.at(node);
      if (c.status === 'unmet' && c.remedy !== 'none') {
        actions.push(`${option ? '可选：' : ''}${c.gap ?? `需满足${c.label}`}`);
        cites.push(...c.cites);
        if (c.remedy === 'wait') {
          wait = true;
          waits.push(WAITING_FOR[c.id] ?? c.label);
          if (c.metOn && (!readyOn || c.metOn > readyOn)) readyOn = c.metOn;
        } else {
          gaps++;
          if (!option) work = true;
        }
      } else if (c.status === 'unknown' && c.open.length > 0) {
        open++;
        if (c.gap) atRisk++;
        // one with nothing left to give waits on time or on the experts' scoring, said elsewhere
        // at risk on the figures known (a gap while unknown): what the missing figures must bring
        actions.push(`${option ? '待确认（任一即可）' : '待确认'}：${c.label}${c.gap ? `（有风险：${c.gap}）` : ''}`);
      }
      return;
    }
    // every part of a group of "all" that is met is met too, and a met condition asks for nothing: only a group of
    // "any" needs its status worked out (met by one part, its other parts are no longer asked for)
    if (node.all) for (const child of node.children) walk(child, option);
    else {
      if (s.statusUnder(node, actual) === 'met') return;
      for (const child of node.children) walk(child, true);
      if (node.children.every((child) => typeof child === 'number' && s.at(child).status === 'unmet')) work = true;
    }
  };
  walk(s.tree, false);
  return { status: work ? 'work' : wait ? 'wait' : 'confirm', actions, readyOn, cites: distinct(cites), waits, gaps, open, atRisk };
}

/** What the owner waits for, in the words an owner uses, for the conditions time alone meets. */
const WAITING_FOR: Readonly<Record<string, string>> = {
  'hnte-1-registered-one-year': '注册满一年',
  'tsme-0-first-fiscal-year': '首个完整会计年度结束',
  'tsme-4-no-incident-or-dishonesty': '相关行为所在年度过后并移出相关名录',
  'hnte-8-no-major-incident': '事故或违法行为发生满一年',
};

/**
 * The step as one sentence an owner reads at a glance: what to do (`aim`, e.g. "申报高企") and when, with the day
 * where the rules know it — "2027年1月15日后可申报高企（注册满一年）", "首个完整会计年度结束后可评价科小". Conditions
 * still unknown yet at risk on the figures known (`atRisk`, among the `open` ones) are the same gaps the verdict lists
 * as 有风险, so the sentence counts them too: "补齐1项差距（另有1项有风险）后可申报高企".
 */
export function plainStep(aim: string, p: { status: StepStatus; readyOn: IsoDate | null; waits: string[]; gaps: number; open: number; atRisk: number }): string {
  const waited = p.waits.join('、');
  const when = p.readyOn ? `${chineseDate(p.readyOn)}后` : waited ? `${waited}后` : '';
  const why = p.readyOn && waited ? `（${waited}）` : '';
  const besides = p.atRisk ? `（另有${p.atRisk}项有风险）` : '';
  switch (p.status) {
    case 'ready':
      return `现在即可${aim}`;
    case 'wait':
      return `${when}可${aim}${why}${p.atRisk ? `，另有${p.atRisk}项条件有风险` : ''}`;
    case 'work':
      return `补齐${p.gaps}项差距${besides}${when ? `、${when}` : '后'}可${aim}${why}`;
    case 'confirm':
      return p.open ? `还有${p.open}项条件待核实${p.atRisk ? `（其中${p.atRisk}项有风险）` : ''}，核实后可知能否${aim}` : `待评审结果或时间条件明确后，可知能否${aim}`;
  }
}

function programmeStep(s: Standing, title: string, aim: string, readyAction: string): Omit<RoadmapStep, 'step'> | null {
  const p = s.programme;
  // steps are made only for the production programmes roadmapFor names, so the id is one of theirs
  const id = p.id as ProgrammeId;
  if (p.outcome === 'eligible') return { programme: id, title, status: 'ready', actions: [readyAction], readyOn: null, plainly: `现在即可${aim}`, cites: p.cites.slice() };
  if (s.blocked) return null;
  // fields named one by one: a rest pattern and spreads here cost more than the whole walk of the plan
  const planned = plan(s);
  return { programme: id, title, status: planned.status, actions: planned.actions, readyOn: planned.readyOn, cites: planned.cites, plainly: plainStep(aim, planned) };
}

/** A step whose outcome waits on the experts' scoring says so, with the estimate. */
function withExperts(step: Omit<RoadmapStep, 'step'> | null, s: Standing): Omit<RoadmapStep, 'step'> | null {
  const p = s.programme;
  if (!step || !p.expertDecides.length) return step;
  const estimate = p.assessment ? `；${p.assessment.basis}` : '';
  step.actions.push(`由评审专家打分：${p.expertDecides.map((x) => x.label).join('、')}${estimate}`);
  return step;
}

/**
 * A 高企 holder's next step: re-recognition when the certificate runs out, judged on today's figures, so that a
 * holder whose figures have fallen below a condition hears it before it applies again.
 */
function reRecognition({ facts, asOf }: Context, s: Standing): Omit<RoadmapStep, 'step'> | null {
  // without the issue date, the term of the 办法 in force today
  const until = facts.hnteCertDate ? `证书有效期至 ${hnteCertificateLastDay(facts.hnteCertDate)}` : `证书有效期${countInWords(hnteMeasuresAt(asOf).certificate.years)}年`;
  const step = programmeStep(s, `高新技术企业重新认定（${until}）`, '申请高企重新认定', '按目前数据仍符合第十一条各项条件，证书到期前可申请重新认定');
  if (!step) {
    const failing = s.programme.conditions.filter((c) => c.status === 'unmet').map((c) => c.label);
    return { programme: 'hnte', title: `高新技术企业重新认定（${until}）`, status: 'work', actions: [`按目前数据，重新认定时将不符合：${failing.join('；')}`], readyOn: null, plainly: `按目前数据，重新认定时有${failing.length}项条件不符合`, cites: [LADDER.certificateTerm, ...s.programme.cites] };
  }
  step.cites.unshift(LADDER.certificateTerm);
  if (step.status !== 'ready') step.actions.unshift('按目前数据判断，证书到期重新认定前需先解决：');
  return withExperts(step, s);
}

/**
 * The next steps across programmes, in the order of the ladder local plans lay out: 科技型中小企业, then the
 * 南通市高企培育库 (小升高), then 高企; the 科创项目 recognition last — unless it is ready, when it comes first
 * (see LADDER.kechuangBeforeHnte). A 高企 holder gets its re-recognition; programmes already held otherwise, and
 * those a fixed fact rules out, have no step.
 */
export function roadmapFor(ctx: Context, judged: Judged): RoadmapStep[] {
  const { facts } = ctx;
  const steps: Omit<RoadmapStep, 'step'>[] = [];
  const add = (s: Omit<RoadmapStep, 'step'> | null) => void (s && steps.push(s));
  const sme = new Standing(judged['tech-sme']);
  const hnte = new Standing(judged.hnte);
  const kechuang = new Standing(judged['kechuang-project-2023']);

  const kechuangStep = programmeStep(kechuang, '南通市科创项目认定', '申报科创项目认定', '已符合认定标准，可向所在地科技部门申报科创项目认定');
  const kechuangReady = kechuangStep?.status === 'ready';
  if (kechuangStep && kechuangReady) {
    kechuangStep.actions.push('先于高企认定申报：落户后首次获得高企认定的，按其他说明3不再计入招引科创项目数');
    kechuangStep.cites.push(LADDER.kechuangBeforeHnte);
    add(kechuangStep);
  }

  if (!facts.techSmeRegistered) add(programmeStep(sme, '科技型中小企业评价入库', '评价科小', '已符合评价条件，可在全国科技型中小企业信息服务平台填报评价入库'));

  if (!facts.hnteCertified && facts.inCultivationPool !== true && hnte.programme.outcome !== 'eligible' && !hnte.blocked) {
    const actions = ['入库条件以南通市当年高企培育库申报通知为准'];
    const cites: CitationRef[] = [LADDER.order];
    if (facts.region === '海门区') {
      actions.unshift(facts.techSmeRegistered ? '已入库科技型中小企业，海门区优先支持申报南通市高企培育库' : '海门区优先支持已评价入库的科技型中小企业申报');
      cites.push(LADDER.haimenPoolPriority);
    }
    // 条件6 is one of eight routes ("应满足以下条件之一"): no use once another route holds
    const routeHolds = kechuang.programme.conditions.some((c) => c.id.startsWith('kc-route-') && c.status === 'met');
    if (kechuang.programme.outcome !== 'eligible' && !kechuang.blocked && !routeHolds) {
      actions.push('入库后即满足《2023年南通市科创项目认定标准》条件6');
      cites.push(LADDER.poolIsKechuangRoute);
    }
    add({ programme: 'cultivation-pool', title: '申报南通市高新技术企业培育库（“小升高”）', status: 'confirm', actions, readyOn: null, plainly: '按南通市当年通知申报高企培育库', cites });
  }

  if (!facts.hnteCertified) add(withExperts(programmeStep(hnte, '高新技术企业认定', '申报高企', '已符合第十一条各项条件，可在“高新技术企业认定管理工作网”注册并提出认定申请'), hnte));
  if (!kechuangReady) add(kechuangStep);
  if (facts.hnteCertified) add(reRecognition(ctx, hnte));
  return steps.map((s, i) => ({ step: i + 1, programme: s.programme, title: s.title, status: s.status, actions: s.actions, readyOn: s.readyOn, plainly: s.plainly, cites: s.cites }));
}
