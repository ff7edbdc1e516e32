/** Jurisdictions of the corpus and the words users name them by. */
const NAMES: Array<[RegExp, string]> = [
  [/海门/u, '海门区'],
  [/启东/u, '启东市'],
  [/通州(?!湾)/u, '通州区'],
  [/(?:南通市|全市|市级|市区)(?!外)/u, '南通市'],
  [/国家|全国|国科发|科技部/u, '全国'],
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
  '中关村', '张江', '苏州工业园区', '未来科技城', '雄安', '浙江', '广东', '安徽', '山东', '福建', '湖北', '四川', '香港', '澳门', '台湾',
];

export function outsidePlacesNamed(question: string): string[] {
  return OUTSIDE_PLACES.filter((p) => question.includes(p));
}
