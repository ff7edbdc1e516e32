/**
 * Sectors as enterprises, 招商 staff and the 空间布局 table name them. A park's 主攻方向 and an enterprise's own
 * description are both read into these sectors by the same code (knowledge/records/sectors.ts): a word counts
 * only where segmentation puts a word boundary at both its ends, and the longest word wins, so 燃料电池 is 氢能
 * (not 电池 → 储能) and 智慧交通信号 holds no 通信.
 *
 * `broader`: the sector this one belongs to. An enterprise in a narrower sector fits a park's broader direction
 * (an MCU designer fits 集成电路); a question naming a broader sector reaches narrower directions, ranked lower.
 * `fields`: the 国家重点支持的高新技术领域 (一级) an enterprise of the sector usually declares.
 *
 * Kept as a data module rather than a YAML file so the rules can use it wherever they run (screening worker
 * threads load only the modules they import).
 */
export const SECTOR_DATA = [
  { id: 'storage', name: '储能', words: ['储能', '新型储能', '储能电池', '储能系统', '电池', '锂电池', '锂电', '锂离子电池', '钠电', '钠离子电池', '电化学储能', '动力电池', '储能电站'], fields: ['新能源与节能'] },
  { id: 'hydrogen', name: '氢能', words: ['氢能', '氢燃料', '燃料电池', '氢燃料电池', '绿氢', '制氢', '加氢', '加氢站', '储氢', '氢气', '电解槽', '氢能装备制造'], fields: ['新能源与节能'] },
  { id: 'semiconductor', name: '半导体', words: ['半导体', '半导体器件', '功率半导体', '功率器件'], fields: ['电子信息'] },
  { id: 'third-gen-semiconductor', name: '第三代半导体', broader: 'semiconductor', words: ['第三代半导体', '碳化硅', '氮化镓', 'SiC', 'GaN', '宽禁带', '宽禁带半导体'], fields: ['电子信息', '新材料'] },
  { id: 'semiconductor-equipment', name: '半导体设备', broader: 'semiconductor', words: ['半导体设备', '半导体设备及材料', '半导体材料与设备', '晶圆设备', '刻蚀机', '光刻机', '镀膜设备'], fields: ['先进制造与自动化'] },
  { id: 'semiconductor-materials', name: '半导体材料', broader: 'semiconductor', words: ['半导体材料', '半导体设备及材料', '半导体材料与设备', '硅片', '靶材', '光刻胶', '电子特气', '电子化学品'], fields: ['新材料'] },
  { id: 'ic', name: '集成电路', words: ['集成电路', '芯片', 'IC', '晶圆', '封测', '封装测试', '芯片封装', '功率IC', '功率IC及器件', '射频', '射频芯片', '电源芯片'], fields: ['电子信息'] },
  { id: 'ic-design', name: '集成电路设计', broader: 'ic', words: ['IC设计', '芯片设计', '集成电路设计', 'MCU', '单片机', '主控芯片', '主控类', 'SoC', '车规级芯片', '车规级高端IC设计与应用', '高端IC设计', 'IP设计', '仿真设计', 'EDA', 'EDA底座', 'EDA软件'], fields: ['电子信息'] },
  { id: 'ai', name: '人工智能', words: ['人工智能', 'AI', '大模型', '行业大模型', '机器学习', '深度学习', '通用人工智能', '算力', '高端算力', '推理算力', '机器视觉', '智能算法', '计算机视觉', '语音识别', '自然语言处理'], fields: ['电子信息'] },
  { id: 'robotics', name: '机器人与智能制造', words: ['机器人', '工业机器人', '服务机器人', '智能制造', '机器人及智能制造', '工业自动化', '智能工厂', '自动化设备'], fields: ['先进制造与自动化'] },
  { id: 'equipment', name: '高端装备', words: ['高端装备', '装备制造', '高端装备制造', '临港高端装备制造', '智能装备', '高端智能装备', '成套设备', '数控', '数控机床', '工程机械', '新能源装备制造', '绿色能源装备'], fields: ['先进制造与自动化'] },
  { id: 'biomed', name: '生物医药', broader: 'life-health', words: ['生物医药', '医药', '药物', '新药', '创新药', '制药', '抗体', '抗体药物', '大分子', '新型大分子抗体药物', '疫苗', '细胞', '基因', '细胞和基因技术', '细胞与基因治疗药物', '基因治疗', '细胞治疗', '生物药', '原料药', '医药中间体'], fields: ['生物与新医药'] },
  { id: 'medical-devices', name: '医疗器械', broader: 'life-health', words: ['医疗器械', '植介入医疗器械', '介入式器械', '介入器械', '体外诊断', '体外诊断试剂', '诊断试剂', '医疗设备', '医疗仪器', '康复器械'], fields: ['生物与新医药'] },
  { id: 'life-health', name: '生命健康', words: ['生命健康', '大健康', '医美', '医美健康', '健康产业'], fields: ['生物与新医药'] },
  { id: 'synbio', name: '合成生物', words: ['合成生物', '合成生物学', '生物制造', '生物基', '生物基纤维', '发酵', '酶制剂'], fields: ['生物与新医药'] },
  { id: 'marine', name: '船舶与海工', words: ['船舶', '海工', '海洋工程', '海工装备', '高端海工装备', '高端船舶与海工装备', '高技术船舶海工', '高技术船舶', '船舶海工', '船舶海工设计服务业', '海装', '海装设计', '深远海', '深远海装备', '深海', '船用', '游艇', '海上风电作业平台'], fields: ['先进制造与自动化'] },
  { id: 'materials', name: '新材料', words: ['新材料', '先进材料', '材料', '纳米新材料', '可降解新材料', 'PE新材料', '生物基纤维及新材料'], fields: ['新材料'] },
  { id: 'membranes', name: '功能膜材料', broader: 'materials', words: ['膜材料', '功能膜', '高性能功能膜材料', '分离膜', '光学膜'], fields: ['新材料'] },
  { id: 'magnetic', name: '磁性材料', broader: 'materials', words: ['磁性材料', '永磁', '磁材', '铝镁合金', '合金材料'], fields: ['新材料'] },
  { id: 'nano', name: '纳米材料', broader: 'materials', words: ['纳米', '纳米材料', '纳米新材料'], fields: ['新材料'] },
  { id: 'polymers', name: '高分子材料', broader: 'materials', words: ['高端聚烯烃', '聚烯烃', '特种工程塑料', '工程塑料', '塑料', '可降解', '可降解新材料', '可降解塑料', 'PE新材料', '超纤合成革', '合成革', '超纤', '高端碳材料', '碳材料', '碳纤维', '石墨烯', '复合材料'], fields: ['新材料'] },
  { id: 'optics', name: '光电与光学', words: ['光电', '光电显示', '显示', '显示屏', '面板', '液晶', 'OLED', 'LED', '光学', '精密光学', '精密光学制造', '激光', '光学镜头', '光通信器件'], fields: ['电子信息'] },
  { id: 'auto-electronics', name: '汽车电子', words: ['汽车电子', '车规', '车规级', '智能网联', '车载', '自动驾驶', '车联网'], fields: ['电子信息'] },
  { id: 'low-altitude', name: '低空经济', words: ['低空', '低空经济', '无人机', '飞行器', 'eVTOL', '通用航空', '通航'], fields: ['航空航天'] },
  { id: 'aerospace', name: '空天', words: ['空天', '未来空天深海', '航天', '航空', '卫星', '商业航天', '火箭', '航空航天'], fields: ['航空航天'] },
  { id: 'communications', name: '通信', words: ['通信', '未来通信', '5G', '6G', '物联网', '光通信', '通信设备', '卫星通信', '射频'], fields: ['电子信息'] },
  { id: 'energy', name: '新能源', words: ['新能源', '能源', '未来能源', '绿色能源', '清洁能源', '风电', '风力发电', '海上风电', '光伏', '太阳能', '风能', '零碳', '负碳', '零碳负碳', '海洋电力', '核能', '节能', '节能环保'], fields: ['新能源与节能', '资源与环境'] },
  { id: 'digital', name: '数字经济与信息技术', words: ['数字经济', '新一代信息技术', '信息技术', '软件', '软件开发', '大数据', '云计算', '数字化', '互联网', 'SaaS', '工业互联网', '信息服务'], fields: ['电子信息', '高技术服务'] },
  { id: 'smart-transport', name: '智慧交通', broader: 'digital', words: ['智慧交通', '智能交通', '交通信号', '车路协同'], fields: ['电子信息'] },
  { id: 'textile', name: '纺织', words: ['纺织', '高端纺织', '家纺', '面料', '织造', '服装', '化纤'], fields: [] },
];
