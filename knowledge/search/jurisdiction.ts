import { CITY, COUNTY_DIVISIONS, NATION, shortName } from '../places.js';

/** Jurisdictions of the corpus and the words users name them by; 通州 is not 通州湾 (a 市直属 park). */
const NAMES: Array<[RegExp, string]> = [
  ...COUNTY_DIVISIONS.map((p): [RegExp, string] => [new RegExp(`${shortName(p)}(?!湾)`, 'u'), p.name]),
  [/(?:南通市|全市|市级|市区)(?!外)/u, CITY],
  [/国家|全国|国科发|科技部/u, NATION],
];

/** The jurisdiction a question names, if any (the first named wins). */
export function namedJurisdiction(question: string): string | null {
  let best: { at: number; j: string } | null = null;
  for (const [re, j] of NAMES) {
    const m = re.exec(question);
    if (m && (best === null || m.index < best.at)) best = { at: m.index, j };
  }
  return best?.j ?? null;
}

/**
 * Places beyond the corpus: no document here speaks for them. A question about one is answered only by a clause
 * that names it (通州's activity table names 上海, 深圳 …), never by a 南通 rule that happens to share its words.
 */
const OUTSIDE_PLACES = [
  '北京', '上海', '天津', '重庆', '深圳', '广州', '杭州', '苏州', '南京', '无锡', '常州', '扬州', '泰州', '盐城', '镇江', '徐州', '连云港',
  '淮安', '宿迁', '合肥', '武汉', '成都', '西安', '宁波', '青岛', '济南', '厦门', '福州', '长沙', '郑州', '沈阳', '大连', '东莞', '佛山',
  '中关村', '张江', '苏州工业园区', '未来科技城', '雄安', '昆山', '常熟', '太仓', '张家港', '江阴', '宜兴', '相城', '吴江', '浦东',
  '嘉兴', '温州', '绍兴', '金华', '台州', '珠海', '中山', '惠州', '昆明', '贵阳', '南宁', '哈尔滨', '长春', '石家庄', '太原',
  '南昌', '兰州', '乌鲁木齐', '海口', '三亚', '拉萨', '呼和浩特', '银川', '西宁', '浙江', '广东', '安徽', '山东', '福建', '湖北', '四川', '香港', '澳门', '台湾',
];

export function outsidePlacesNamed(question: string): string[] {
  return OUTSIDE_PLACES.filter((p) => question.includes(p));
}
