/**
 * The places Tongce knows by name: the nation, the province, 南通市, its 区/县/市 and its 市直属 parks, and the places
 * beyond 南通. Triage (whose office serves a caller), search (whose document speaks for a question), the facts
 * schema (where a firm is registered) and the dialog (where an owner says the firm is) all read these lists, so that
 * a place, or a town of a place, added here is known everywhere at once.
 */

/** How far a place's documents reach: a national text holds in every county, a county's only in its own. */
export type PlaceLevel = 'national' | 'province' | 'city' | 'county';

export interface Place {
  /** the full name documents and the catalog use: 海门区, 启东市 */
  name: string;
  /** how callers and documents name it for short ("海门税务局", "我们启东"), longest first */
  aliases: readonly string[];
  level: PlaceLevel;
  parent: string | null;
  /**
   * an administrative division with its own offices (区科技局 …); a park (开发区, 示范区) is county-level in the
   * facts but its affairs are handled by the city's and its host county's offices
   */
  division: boolean;
  /** names the place had before a merger, still met in documents (港闸区 joined 崇川区 in 2020) */
  formerly?: readonly string[];
  /**
   * towns and ports whose names place a firm in any message an owner writes ("我们在吕四" is 启东): words no one
   * uses for anything else
   */
  landmarks?: readonly string[];
  /**
   * towns, streets and parks inside it that owners name when asked where the firm is registered (三厂 is 海门's);
   * read only as that answer, and only as a word of its own, since some are everyday words too (大公, 先锋, 市区)
   */
  towns?: readonly string[];
  /** words that name it only as a whole answer: 经开区 alone is the city's park, 如东经开区 is 如东's */
  saidAlone?: readonly string[];
}

export const NATION = '全国';
export const PROVINCE = '江苏省';
export const CITY = '南通市';

/**
 * In the facts schema's order (spec/facts.md): the counties, then the parks. Kept `as const` so that the schema's
 * regions take their type from these names (COUNTY_LEVEL_NAMES); read as PLACES everywhere else.
 */
const PLACE_LIST = [
  { name: NATION, aliases: ['国家'], level: 'national', parent: null, division: false },
  { name: PROVINCE, aliases: ['江苏'], level: 'province', parent: NATION, division: false },
  {
    name: '崇川区', aliases: ['崇川'], level: 'county', parent: CITY, division: true, formerly: ['港闸'],
    towns: ['狼山', '唐闸', '天生港', '任港', '观音山', '钟秀', '和平桥', '文峰', '新城桥', '虹桥', '秦灶', '永兴', '幸福街道', '陈桥', '市区', '南通市区'],
  },
  {
    name: '通州区', aliases: ['通州'], level: 'county', parent: CITY, division: true,
    towns: ['平潮', '金沙', '兴仁', '川姜', '石港', '刘桥', '南通高新技术产业开发区', '南通高新', '西亭', '二甲', '东社', '十总', '五接', '先锋', '张芝山', '兴东', '金新'],
  },
  {
    name: '海门区', aliases: ['海门'], level: 'county', parent: CITY, division: true,
    towns: ['三厂', '临江', '三星', '包场', '悦来', '常乐', '四甲', '余东', '正余', '海永', '叠石桥', '王浩'],
  },
  {
    name: '如皋市', aliases: ['如皋'], level: 'county', parent: CITY, division: true,
    towns: ['白蒲', '长江镇', '搬经', '如城', '九华', '石庄', '下原', '江安', '磨头', '丁堰', '东陈', '林梓', '吴窑'],
  },
  {
    name: '海安市', aliases: ['海安'], level: 'county', parent: CITY, division: true,
    towns: ['曲塘', '李堡', '角斜', '城东镇', '雅周', '白甸', '南莫', '大公', '墩头', '孙庄'],
  },
  {
    name: '如东县', aliases: ['如东'], level: 'county', parent: CITY, division: true, landmarks: ['洋口', '掘港'],
    towns: ['栟茶', '长沙镇', '丰利', '岔河', '双甸', '马塘', '河口镇', '曹埠', '袁庄', '大豫', '苴镇'],
  },
  {
    name: '启东市', aliases: ['启东'], level: 'county', parent: CITY, division: true, landmarks: ['吕四'],
    towns: ['汇龙', '寅阳', '南阳镇', '北新', '王鲍', '海复', '近海', '惠萍', '启隆', '圆陀角'],
  },
  {
    name: '南通经济技术开发区', aliases: ['南通经济开发区', '南通经技开发区', '南通开发区'], level: 'county', parent: CITY, division: false,
    towns: ['南通经开', '竹行', '小海', '星湖', '能达', '中兴街道'], saidAlone: ['经济技术开发区', '经开区'],
  },
  {
    name: '苏锡通科技产业园区', aliases: ['苏锡通'], level: 'county', parent: CITY, division: false, landmarks: ['苏通园'],
    towns: ['苏通', '苏通科技产业园', '南通科技产业园'],
  },
  { name: '通州湾示范区', aliases: ['通州湾'], level: 'county', parent: CITY, division: false, towns: ['三余', '腰沙', '海晏'] },
  { name: '南通创新区', aliases: ['创新区'], level: 'county', parent: CITY, division: false, towns: ['紫琅'] },
  { name: CITY, aliases: ['南通'], level: 'city', parent: PROVINCE, division: true },
] as const satisfies readonly Place[];

export const PLACES: readonly Place[] = PLACE_LIST;

type CountyLevel = Extract<(typeof PLACE_LIST)[number], { level: 'county' }>;
/** A place of 南通 at county level: one of its 区/县/市 or a park directly under the city. */
export type CountyLevelName = CountyLevel['name'];

/** Their names in order: where a firm can be registered in 南通 (the facts schema's regions). */
export const COUNTY_LEVEL_NAMES: readonly CountyLevelName[] = PLACE_LIST.filter((p): p is CountyLevel => p.level === 'county').map((p) => p.name);

const byName = new Map(PLACES.map((p) => [p.name, p]));

export function placeNamed(name: string): Place | undefined {
  return byName.get(name);
}

/** The level of a jurisdiction; a name not in the list is taken for a county's, the narrowest reach. */
export function levelOfPlace(name: string): PlaceLevel {
  return byName.get(name)?.level ?? 'county';
}

/** Whether a document of this jurisdiction speaks for the whole of 南通 (national, provincial or the city's own). */
export function coversWholeCity(jurisdiction: string): boolean {
  return levelOfPlace(jurisdiction) !== 'county';
}

/** 南通's 区/县/市 with offices of their own, in the schema's order. */
export const COUNTY_DIVISIONS: readonly Place[] = PLACES.filter((p) => p.level === 'county' && p.division);

/** The parks directly under the city (南通经济技术开发区 …). */
export const CITY_PARKS: readonly Place[] = PLACES.filter((p) => p.level === 'county' && !p.division);

/** Every name a place goes by: its full name, its short names and its names before a merger. */
export function namesOf(p: Place): string[] {
  return [p.name, ...p.aliases, ...(p.formerly ?? [])];
}

/**
 * Places beyond 南通 that owners and questions name: cities, provinces and their well-known parks. No document here
 * speaks for them (search), and a firm there is not yet registered in 南通 (the dialog's 市外).
 */
export const OUTSIDE_NANTONG: readonly string[] = [
  '北京', '上海', '天津', '重庆', '深圳', '广州', '杭州', '苏州', '南京', '无锡', '常州', '扬州', '泰州', '盐城', '镇江', '徐州', '连云港',
  '淮安', '宿迁', '合肥', '武汉', '成都', '西安', '宁波', '青岛', '济南', '厦门', '福州', '长沙', '郑州', '沈阳', '大连', '东莞', '佛山',
  '中关村', '张江', '苏州工业园区', '未来科技城', '雄安', '昆山', '常熟', '太仓', '张家港', '江阴', '宜兴', '相城', '吴江', '浦东',
  '嘉兴', '温州', '绍兴', '金华', '台州', '珠海', '中山', '惠州', '昆明', '贵阳', '南宁', '哈尔滨', '长春', '石家庄', '太原',
  '南昌', '兰州', '乌鲁木齐', '海口', '三亚', '拉萨', '呼和浩特', '银川', '西宁', '浙江', '广东', '安徽', '山东', '福建', '湖北', '四川', '香港', '澳门', '台湾',
];

/** The short name a county is written by in running text: 海门, 如皋. */
export function shortName(p: Place): string {
  return p.aliases[0] ?? p.name;
}
