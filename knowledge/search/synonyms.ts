import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { projectRoot } from '../paths.js';

/**
 * Ways users and documents name the same thing. Each group is symmetric: a query naming one member also
 * searches for the others (高企 ⇄ 高新技术企业), so a question in everyday words finds the formal clause.
 */
export const SYNONYM_GROUPS: string[][] = [
  ['高企', '高新技术企业'],
  ['科小', '科技型中小企业', '科技型中小型企业'],
  ['小升高', '培育库', '高企培育', '高新技术企业培育', '培育入库'],
  ['加计扣除', '研发费用加计扣除', '税前加计扣除'],
  ['研发费用', '研究开发费用', '研发投入'],
  ['研发', '研究开发'],
  ['i类', 'ⅰ类', '一类'],
  ['ii类', 'ⅱ类', '二类'],
  ['知识产权', '专利'],
  ['市监局', '市场监督管理局', '市场监管局', '市场监管'],
  ['发改委', '发展改革委', '发改'],
  ['人才办', '组织部'],
  ['税务', '税务局'],
  ['招商', '招引'],
  ['所得税', '企业所得税'],
  ['园区', '开发区', '高新区'],
  ['主攻方向', '产业方向', '主导产业', '重点产业'],
  ['贷款', '科技金融', '融资', '苏科贷', '通科贷', '高企贷'],
  ['补贴', '补助', '奖补', '奖励', '资助'],
  ['人才', '英才'],
  ['目标', '任务数', '目标任务'],
  ['活动', '活动安排'],
  ['谁负责', '责任单位', '牵头部门', '负责'],
  ['部门', '责任单位', '牵头部门'],
  ['条件', '标准', '要求'],
  ['合格', '达标', '符合', '不低于'],
  ['多少分', '分值', '得分', '分数'],
  ['注册时间', '注册成立'],
  ['申报', '申请', '申请认定'],
  ['外地', '市外', '外省', '外市'],
  ['年报', '年度发展情况报表', '填报'],
  ['取消', '撤销'],
  ['改名', '更名'],
  ['软著', '软件著作权'],
  ['国资', '国有资本'],
  ['子基金', '基金'],
  ['容错', '免责', '宽容失败'],
  ['成立', '注册成立'],
  ['营收', '销售收入', '收入'],
  ['员工', '职工总数', '职工'],
  ['占比', '比例'],
  ['孵化', '孵化器', '众创空间'],
  ['实验室', '重点实验室'],
  ['海门', '海门区'],
  ['启东', '启东市'],
  ['通州', '通州区'],
  ['比赛', '大赛', '竞赛'],
  ['门槛', '不低于', '不少于'],
  ['创始人', '创办人', '股东'],
  ['名次', '前十名', '等奖'],
  ['发布', '印发'],
  ['负数', '为负'],
  ['老办法', '原办法', '废止'],
  ['招商人员', '招商队伍'],
];

/**
 * One-way expansions: a query naming the left term also searches the right ones (a 发明专利 is a Ⅰ类 intellectual
 * property in the 指引), but not the other way round.
 */
export const NARROWER_TO_BROADER: Array<[string, string[]]> = [
  ['发明专利', ['ⅰ类', 'i类']],
  ['软件著作权', ['ⅱ类', 'ii类']],
  ['软著', ['ⅱ类', 'ii类']],
  ['实用新型', ['ⅱ类', 'ii类']],
  ['外观设计', ['ⅱ类', 'ii类']],
  // what an enterprise calls its business → the words of 《国家重点支持的高新技术领域》 that cover it
  ['3d打印', ['增材制造']],
  ['风电', ['风能']],
  ['风力发电', ['风能']],
  ['光伏', ['太阳能']],
  ['锂电池', ['动力电池', '储能电池', '高性能绿色电池']],
  ['锂电', ['动力电池', '储能电池', '高性能绿色电池']],
  ['储能', ['储能电池', '发电与储能']],
  ['新能源汽车', ['节能与新能源汽车']],
  ['电动汽车', ['节能与新能源汽车']],
  ['汽车零部件', ['汽车关键零部件']],
  ['芯片', ['集成电路']],
  ['led', ['半导体发光']],
  ['显示屏', ['平板显示器件']],
  ['面板', ['平板显示器件']],
  ['液晶', ['平板显示器件']],
  ['网络安全', ['信息安全', '网络与通信安全']],
  ['无人机', ['飞行器']],
  ['在线教育', ['互联网教育']],
  ['网课', ['互联网教育']],
  ['app', ['移动互联网软件']],
  ['erp', ['企业管理软件']],
  ['saas', ['云计算服务']],
  ['大数据', ['数据服务']],
  ['医疗器械', ['医疗仪器', '医疗仪器、设备']],
  ['体外诊断', ['医学检验']],
  ['污水处理', ['污水处理与资源化', '废水处理与资源化']],
  ['垃圾处理', ['固体废弃物', '生活垃圾处置']],
  ['数控机床', ['数控装备']],
  ['工业软件', ['工业生产过程控制系统', '制造执行系统']],
  ['检测服务', ['检验检测认证']],
  ['船舶', ['高技术船舶']],
  ['海工', ['海洋工程装备']],
];

const Colloquial = z.array(
  z.strictObject({
    words: z.array(z.string().min(1)).min(1),
    means: z.array(z.string().min(1)).min(1),
    example: z.strictObject({ q: z.string(), expect: z.string() }).optional(),
  }),
);
export type Colloquial = z.infer<typeof Colloquial>;

/** knowledge/vocabulary/colloquial.yaml: the words people use for the texts' terms, one way. */
export const COLLOQUIAL: Colloquial = Colloquial.parse(parse(readFileSync(join(projectRoot(), 'knowledge', 'vocabulary', 'colloquial.yaml'), 'utf8')));

const index = new Map<string, Set<string>>();
for (const group of SYNONYM_GROUPS) {
  for (const term of group) {
    const set = index.get(term) ?? new Set<string>();
    for (const other of group) if (other !== term) set.add(other);
    index.set(term, set);
  }
}

for (const [narrow, broad] of [...NARROWER_TO_BROADER, ...COLLOQUIAL.flatMap((e) => e.words.map((w) => [w.toLowerCase(), e.means] as const))]) {
  const set = index.get(narrow) ?? new Set<string>();
  for (const b of broad) set.add(b);
  index.set(narrow, set);
}

/** The other names of a term (lower-case), empty when it has none. */
export function synonymsOf(term: string): string[] {
  return [...(index.get(term.toLowerCase()) ?? [])];
}

/** Terms in a question that have synonyms, found by substring so 我们高企… still expands. */
export function synonymTermsIn(question: string): string[] {
  const q = question.toLowerCase();
  return [...index.keys()].filter((t) => q.includes(t));
}
