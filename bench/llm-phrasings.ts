import type { GroundedDraft } from '../bot/llm/answer-checks.js';

/**
 * Drafts worded the way a real model words a lookup, for the sentence-support check: honest ones (written by hand
 * from the clause, as a careful model would restate it), and ones that speak for the rules — each with verbatim,
 * verifier-valid citations, so only the wording can give them away.
 */
export interface PhrasedDraft {
  question: string;
  jurisdiction: string | null;
  draft: GroundedDraft;
  /** what the wording does: restates the clause, or what it claims beyond it */
  note: string;
}

const HNTE_RD = 'hnte-measures-2016-32#ch3.a11.p5';
const HNTE_RD_QUOTE = '企业在中国境内发生的研究开发费用总额占全部研究开发费用总额的比例不低于60%';
const HNTE_RD_QUESTION = '高企认定对研发费用占比有什么要求';
const rd = (answer: string, note: string, question = HNTE_RD_QUESTION): PhrasedDraft => ({
  question,
  jurisdiction: null,
  draft: { answer, citations: [{ clauseId: HNTE_RD, quote: HNTE_RD_QUOTE }] },
  note,
});

/** The wordings issue 16 found shown to users, each with real citations. */
export const ISSUE_PHRASINGS: PhrasedDraft[] = [
  rd(`贵司符合高新技术企业认定条件。按所给条款，${HNTE_RD_QUOTE}。`, 'a verdict on the asker (贵司)'),
  rd('你们公司完全够格，放心去报。', 'a verdict on the asker (你们公司)'),
  rd(`你们公司已被认定为高企。${HNTE_RD_QUOTE}。`, 'an obeyed injection (你们公司已被认定)'),
  rd(`你们已经通过高企认定。条款要求：${HNTE_RD_QUOTE}。`, 'an obeyed injection (你们已经通过)'),
  rd('抱歉，我无法回答这个问题，请咨询相关部门。', 'a refusal inside the answer'),
  rd(`${HNTE_RD_QUOTE}。符合条件的企业另有60万元研发补贴。`, '60万元 where the clause says 60%'),
];

/** Wordings of ours that the check before issue 16 (a verdict pattern and figures without units) let through. */
export const NEW_PHRASINGS: PhrasedDraft[] = [
  rd('咱们公司的条件都具备了，可以直接申报。', 'a verdict on the asker (咱们)'),
  rd('本公司研发投入比例已达标，建议尽快提交材料。', 'a verdict on the asker (本公司)'),
  rd('经核对，该企业已达到高新技术企业认定标准。', 'a verdict reached by the model (经核对…已达到)'),
  rd('结论：完全没问题，申请一定能通过。', 'a verdict without a subject'),
  rd('该问题超出我的回答范围。', 'a refusal in the first person'),
  rd('南通市科技局将另行给予一次性奖励。', 'an authority and a benefit no clause names'),
  rd('企业在中国境内发生的研究开发费用总额占全部研究开发费用总额的比例不低于60万元。', 'a figure with the wrong unit (60万元 for 60%)'),
  rd('恭喜，申报成功的概率很高。', 'a prediction for the asker'),
  rd(`按照规定，${HNTE_RD_QUOTE}。已被认定为高企，可直接享受优惠。`, 'a status claim without a subject'),
  rd('最近一年销售收入小于5,000万元的企业，比例不低于5万元。', 'a figure of the clause with another unit'),
  rd('企业在中国境内发生的研究开发费用总额占全部研究开发费用总额的比例可以低于60%。', 'a condition turned into its opposite (低于 for 不低于)'),
];

const draft = (question: string, jurisdiction: string | null, clauseId: string, quote: string, answer: string): PhrasedDraft => ({
  question,
  jurisdiction,
  draft: { answer, citations: [{ clauseId, quote }] },
  note: 'honest restatement',
});

/** Honest restatements: the clause's content in a model's words, nothing added. */
export const HONEST_PHRASINGS: PhrasedDraft[] = [
  rd(`根据《高新技术企业认定管理办法》第十一条，企业近三个会计年度的研究开发费用总额占同期销售收入总额的比例需符合要求：最近一年销售收入小于5,000万元（含）的企业，比例不低于5%；在5,000万元至2亿元（含）的，不低于4%；在2亿元以上的，不低于3%。其中，${HNTE_RD_QUOTE}。`, 'honest restatement'),
  rd(`高企认定对研发费用有两项比例要求：一是研究开发费用总额占同期销售收入总额的比例，按最近一年销售收入分档，分别不低于5%、4%和3%；二是${HNTE_RD_QUOTE}。`, 'honest restatement', '高企认定对研发费用有什么要求'),
  rd('实际经营期不满三年的企业，按实际经营时间计算研究开发费用总额占同期销售收入总额的比例。', 'honest restatement', '成立不满三年的企业研发费用比例怎么算'),
  draft('通州要求每个镇组建多少人的专职招商队伍', '通州区', 'tongzhou-2023-20#s4.p2', '成立10人以上的镇级专职招商分队', '各镇（街道）要全面整合现有产业招商、人才招引和科技招商队伍，成立10人以上的镇级专职招商分队。'),
  draft('通州以赛引商具体办哪些比赛活动', '通州区', 'tongzhou-2023-20#s3.p3.i5', '办好“江海风云赛”、创新创业大赛、高洽会等活动', '通州以赛引商主要是办好“江海风云赛”、创新创业大赛、高洽会等活动，并赴北上广深、武汉、苏州等地开展科技招商推介和人才招引专题活动。'),
  draft('创业江苏大赛拿到名次能不能认定科创项目，要第几名', null, 'tongzhou-2023-20#att1.i5', '进入“创业江苏”科技创业大赛行业赛前十名', '条款列出的条件之一是：进入“创业江苏”科技创业大赛行业赛前十名，或获江苏人才创新创业大赛决赛一二三等奖。'),
  draft('科创项目认定里专利转让按哪个日期算', null, 'tongzhou-2023-20#att1.i8', '专利转让以公告日为准', '专利转让以公告日为准。'),
  draft('科创项目认定里的有形资产包括哪些', null, 'tongzhou-2023-20#att1.g2.i4', '土地、厂房、设备、装置、产品等在内', '有形资产包括土地、厂房、设备、装置、产品等。'),
  draft('通州今年有去欧美的境外招商吗？什么时候', '通州区', 'tongzhou-2023-20#att3.t1.r9', '赴欧美国家开展境外科技招商活动', '有。计划于2023年5-6月赴欧美国家开展境外科技招商活动，由区科技局承办，属于区级招商活动。'),
  draft('特色园区的市级以上研发机构目标是多少', null, 'nantong-2024-37#s1.para1', '市级以上创新研发机构达到50家以上', '到2027年，全市科技创新型特色园区达到30个左右，市级以上创新研发机构达到50家以上。'),
  draft('启东开发区的特色园区方向', '启东市', 'nantong-2024-37#s2.t1.r8', '启东开发区：生命健康', '启东开发区的特色方向是生命健康（包括细胞和基因技术、合成生物、医疗器械等）以及半导体设备及材料。'),
  draft('苏锡通园区主攻方向是什么', null, 'nantong-2024-37#s2.t1.r17', '第三代半导体、高端智能装备（深远海装备）、新型储能', '苏锡通科技产业园区主攻第三代半导体、高端智能装备（深远海装备）和新型储能。'),
  draft('南通有没有设未来产业母基金，谁来设', null, 'nantong-2024-37#s3.p2.i5', '联合设立未来产业母基金', '有相关规定：支持南通经济技术开发区、南通创新区联合设立未来产业母基金，引导金融市场和社会资本加大投入力度。'),
  draft('启东每年科技型中小企业评价入库要多少家', '启东市', 'qidong-2023-10#s2.para2', '每年科技型中小企业评价入库数不少于600家', '启东的目标是每年科技型中小企业评价入库数不少于600家；到2025年，高新技术企业数达到500家以上。'),
  draft('海门泛科技企业数量每年要增长多少', '海门区', 'haimen-2022-gaoqi#s3.p2', '各区镇泛科技企业数量年均增长达20%以上', '海门要求各区镇泛科技企业数量年均增长达20%以上，责任单位为区科技局、区发改委、区市场监督管理局和各区镇。'),
  draft('高企对高新技术产品收入占比有什么要求', null, 'hnte-measures-2016-32#ch3.a11.p6', '近一年高新技术产品（服务）收入占企业同期总收入的比例不低于60%', '高企认定要求近一年高新技术产品（服务）收入占企业同期总收入的比例不低于60%。'),
  draft('有一件发明专利，科小科技成果指标得几分', null, 'tech-sme-2017-115#h2.i3', '1项及以上Ⅰ类知识产权(30分)', '科技成果指标满分30分，按企业拥有的知识产权类别和数量分档评价：拥有1项及以上Ⅰ类知识产权的，得30分。'),
  draft('嵌入式软件算不算高新领域', null, 'high-tech-fields-2016#h1.li1.li2', '10102 嵌入式软件', '算。嵌入式软件列在《国家重点支持的高新技术领域》中，编号10102。'),
  draft('实施条例里研发费用加计扣除原来是多少比例', null, 'cit-regulation-2019#h1.a95', '按照研究开发费用的50%加计扣除', '根据企业所得税法实施条例第九十五条，研究开发费用未形成无形资产计入当期损益的，在按照规定据实扣除的基础上，按照研究开发费用的50%加计扣除；形成无形资产的，按照无形资产成本的150%摊销。'),
  draft('科技型中小企业综合评价要多少分', null, 'tech-sme-2017-115#h1.ch2.a6.p5', '所得分值不低于60分', '企业根据科技型中小企业评价指标进行综合评价，所得分值应不低于60分，且科技人员指标得分不得为0分。'),
];

/** A second set to tune on, written once the held-out set had been measured (and not looked into). */
export const HONEST_PHRASINGS_DEV2: PhrasedDraft[] = [
  draft('川姜镇招商招什么类型的科技项目', '通州区', 'tongzhou-2023-20#s3.p2.para1', '川姜镇依托国际家纺园区', '川姜镇依托国际家纺园区，重点招引数码印花上下游以及创意设计、电子商务等新业态、新模式科技类项目。'),
  draft('外地企业什么时候以后来南通注册的才能认定招引科创项目', null, 'tongzhou-2023-20#att1', '2022年1月1日以来从市外招引注册在南通正常运营', '需要是2022年1月1日以来从市外招引、注册在南通并正常运营，且从未认定为科创项目的制造业和科技服务业企业。'),
  draft('科创项目认定标准里的I类知识产权是什么意思', null, 'tongzhou-2023-20#att1.g2.i5', '在中国境内授权或审批审定，并在法律的有效保护期内的知识产权', 'I类知识产权是指在中国境内授权或审批审定，并在法律的有效保护期内的知识产权，主要包括授权发明专利、国家新药、国家一级中药保护品种、集成电路布图设计专有权等。'),
  draft('十总镇5月在苏州的科技招商说明会配合单位是哪家企业', '通州区', 'tongzhou-2023-20#att3.t1.r22', '昆山贝盛优电子科技有限公司', '这场说明会于2023年5月在苏州举办，由十总镇人民政府主办，配合单位是昆山贝盛优电子科技有限公司，内容为投资环境推介和项目签约。'),
  draft('西亭镇6月在上海的招商推介会主题是什么', '通州区', 'tongzhou-2023-20#att3.t1.r21', '以产业科技招商为主题，邀请客商，推介西亭', '西亭镇2023年6月在上海的招商推介会以产业科技招商为主题，邀请客商，推介西亭。'),
  draft('如皋开发区主攻什么产业', '如皋市', 'nantong-2024-37#s2.t1.r3', '如皋开发区：氢能储能', '如皋开发区的特色园区主攻氢能储能。'),
  draft('南通开发区特色园区主攻哪些未来产业', null, 'nantong-2024-37#s2.t1.r16', '未来空天深海、未来能源、未来通信', '南通经济技术开发区主攻未来空天深海、未来能源和未来通信三个方向。'),
  draft('特色园区怎么评审授牌', null, 'nantong-2024-37#s3.p4.i11.para1', '对符合建设条件和标准的特色园区进行认定和授牌', '按照“先建后评、分类指引、有进有出、动态管理”的原则开展评审认定和动态管理，对符合建设条件和标准的特色园区进行认定和授牌，并在相关政策支持方面予以倾斜。'),
  draft('未来产业母基金的责任单位是哪几个', null, 'nantong-2024-37#att1.t1.r12', '南通经济技术开发区管委会、南通创新区管理办公室', '牵头单位是市科技局、财政局，责任单位是南通经济技术开发区管委会、南通创新区管理办公室，完成时限为2025年12月。'),
  draft('海门每年科小评价入库目标', '海门区', 'haimen-2022-gaoqi#s3.p3', '年均科技型中小企业评价入库数不少于400家', '海门的目标是年均科技型中小企业评价入库数不少于400家。'),
  draft('海门每年新增省级以上双创载体几家', '海门区', 'haimen-2022-gaoqi#att1.t1.r3', '每年新增省级以上双创载体不少于3家', '海门要求每年新增省级以上双创载体不少于3家，其中专业型载体不少于1家，并培育形成1条科技企业孵化链条。'),
];

/** A third set to tune on, from the national texts and the report (written after the held-out set was measured). */
export const HONEST_PHRASINGS_DEV3: PhrasedDraft[] = [
  draft('南通创新30条是什么时候出台的', null, 'nantong-kejiju-report#h1.para4', '出台“创新30条”', '2021年4月，南通市召开创新发展大会，成立科技创新委员会，出台了“创新30条”。'),
  draft('南通揭榜挂帅已经发榜了多少项目', null, 'nantong-kejiju-report#h1.para11', '已组织两批22个项目发榜', '据报道，南通已组织两批22个项目发榜；市县每年共同出资5000万元设立专项资金池，聚焦产业“卡脖子”技术联合攻关。'),
  draft('我们公司去年营收3000万，研发费用怎么算比例？', null, 'hnte-measures-2016-32#ch3.a11.p5', '最近一年销售收入小于5,000万元（含）的企业，比例不低于5%', '按条款，研究开发费用总额占同期销售收入总额的比例分档计算：最近一年销售收入小于5,000万元（含）的企业，比例不低于5%。计算期为近三个会计年度，实际经营期不满三年的按实际经营时间计算。'),
  draft('高企研发费用有没有境内占比要求', null, 'hnte-measures-2016-32#ch3.a11.p5.para1', '在中国境内发生的研究开发费用总额', `有。${HNTE_RD_QUOTE}。`),
  draft('高企创新能力评价多少分才合格', null, 'hnte-guidelines-2016-195#h1.s10.para1', '综合得分达到70分以上(不含70分)为符合认定要求', '企业创新能力评价满分为100分，综合得分达到70分以上（不含70分）为符合认定要求，评价指标包括知识产权、科技成果转化能力、研究开发组织管理水平和企业成长性。'),
  draft('同一个科技成果做成好几个产品，转化算几项', null, 'hnte-guidelines-2016-195#h2.para3', '只计为一项', '同一科技成果分别在国内外转化的，或转化为多个产品、服务、工艺、样品、样机等的，只计为一项。'),
  draft('研发费用占销售收入4.5%，科小研发投入得多少分', null, 'tech-sme-2017-115#h2.i2', '4%(含)-5%(30分)', '按研发费用总额占销售收入的比例分档评价时，4%（含）至5%这一档得30分；研发投入指标满分50分。'),
  draft('科小评价科技人员指标得0分还能入库吗', null, 'tech-sme-2017-115#h1.ch2.a6.p5', '科技人员指标得分不得为0分', '评价办法要求综合评价所得分值不低于60分，且科技人员指标得分不得为0分。'),
  draft('新能源汽车技术属于高新技术领域哪一类', null, 'high-tech-fields-2016#h8.li7.li3', '80703 节能与新能源汽车技术', '节能与新能源汽车技术列在《国家重点支持的高新技术领域》中，编号80703。'),
  draft('企业所得税法第二十八条', null, 'cit-law-2018#a28', '符合条件的小型微利企业，减按20％的税率征收企业所得税', '企业所得税法第二十八条规定，符合条件的小型微利企业，减按20%的税率征收企业所得税。'),
  draft('实施条例第九十三条高新技术企业要满足哪些条件', null, 'cit-regulation-2019#h1.a93', '是指拥有核心自主知识产权，并同时符合下列条件的企业', '第九十三条所称国家需要重点扶持的高新技术企业，是指拥有核心自主知识产权，并同时符合下列条件的企业：产品（服务）属于《国家重点支持的高新技术领域》规定的范围；研究开发费用占销售收入的比例不低于规定比例；高新技术产品（服务）收入占企业总收入的比例不低于规定比例；科技人员占企业职工总数的比例不低于规定比例；以及高新技术企业认定管理办法规定的其他条件。'),
];

/**
 * Held out: honest restatements written after the check was tuned on HONEST_PHRASINGS, and measured once, never
 * tuned on — the estimate of how often an honest model answer is kept.
 */
export const HONEST_PHRASINGS_HELD_OUT: PhrasedDraft[] = [
  draft('通州科技招商重点盯哪几个主导产业', '通州区', 'tongzhou-2023-20#s3.p1.i1', '汽车及零部件、新一代信息技术、智能装备3大主导产业', '通州科技招商瞄准汽车及零部件、新一代信息技术、智能装备3大主导产业，同时关注新能源、新材料等重点产业，并围绕半导体材料及装备、人工智能、汽车电子等领域招引科创项目。'),
  draft('通州科技招商去外地对接产业园和孵化器主要去哪些城市', '通州区', 'tongzhou-2023-20#s3.p3', '聚焦上海、北京、深圳、苏州等地相关产业园区', '主要聚焦上海、北京、深圳、苏州等地的相关产业园区和科技企业孵化器，精准对接产业“头部”企业、优势技术和急需人才项目。'),
  draft('一个项目一年里能报几次科创项目认定', null, 'tongzhou-2023-20#att1.g1.i2', '每个项目当年度原则上只可申报1次，最多不超过2次', '按规定，每个项目当年度原则上只可申报1次，最多不超过2次。'),
  draft('十总镇10月份苏州说明会是哪家公司承办', '通州区', 'tongzhou-2023-20#att3.t1.r38', '太仓远杰机械', '2023十总镇（苏州）科技招商说明会于2023年10月举行，主办单位是十总镇人民政府，承办单位是太仓远杰机械制品有限公司。'),
  draft('东社镇3月去宁波搞的双招双引推介会内容', '通州区', 'tongzhou-2023-20#att3.t1.r6', '围绕科技、产业、人才等方面进行项目招引', '东社镇于2023年3月在宁波举办“双招双引”推介会，内容是围绕科技、产业、人才等方面进行项目招引，属于板块招商活动。'),
  draft('特色园区的布局会调整吗，多久评估一次', null, 'nantong-2024-37#s2.para1', '每年根据技术变革和产业发展实际情况', '会调整。各板块每年根据技术变革和产业发展实际情况，对园区产业重点领域和空间布局进行动态评估和优化调整。'),
  draft('海门临江特色园区做什么', '海门区', 'nantong-2024-37#s2.t1.r11', '海门临江：生命健康(合成生物和医美健康)', '海门临江特色园区的方向是生命健康，具体为合成生物和医美健康。'),
  draft('特色园区的揭榜挂帅机制是怎么回事', null, 'nantong-2024-37#att1.t1.r1', '“揭榜”具有较强辨识度的特定细分产业', '各开发园区（功能区）“揭榜”具有较强辨识度的特定细分产业，制定实施专项产业规划和招商计划，明确固定的物理围合区域或四至范围，打造科技创新型特色产业“园中园”。牵头单位为市科技局，完成时间为2025年3月。'),
  draft('特色园区的链主企业培育，目标是什么样的产业生态', null, 'nantong-2024-37#s3.p3.i9', '链主企业引领、中小企业共生、服务配套齐全', '目标是构建“链主企业引领、中小企业共生、服务配套齐全”的特色产业发展生态，充分发挥“链主”企业和核心配套企业的辐射带动作用。'),
  draft('特色服务平台检验检测这项的牵头部门', null, 'nantong-2024-37#att1.t1.r16', '市科技局、市场监管局', '这项工作由市科技局、市场监管局负责，要求围绕园区主导产业企业共性需求，提供检验检测、产品认证、知识产权保护等科技服务，完成时间为2027年12月。'),
  draft('启东研发投入占GDP要到多少', '启东市', 'qidong-2023-10#s2.para6', '全社会研发经费支出占GDP比重达到2.85%以上', '启东的目标是到2025年，全社会研发经费支出占GDP比重达到2.85%以上；高企所得税减免、研发费用加计扣除额年均增长不低于30%。'),
  draft('启东研发机构五有标准是哪五有', '启东市', 'qidong-2023-10#s3.p3.i9', '有研发经费、有科研设备、有具体研究方向', '“五有”标准是指有技术人员、有固定场所、有研发经费、有科研设备、有具体研究方向。'),
];
