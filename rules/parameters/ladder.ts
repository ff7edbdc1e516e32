import { cite, DOC } from './sources.js';

/** The growth ladder local plans lay out for technology enterprises: the order a roadmap follows. */
export const LADDER = {
  order: cite(DOC.kechuang, '建立健全“初创企业—科技型中小企业—高新技术企业—雏鹰、瞪羚、独角兽培育企业—上市科创企业”的高成长性企业跃升路线图'),
  haimenPoolPriority: cite(DOC.haimen, '优先支持通过科技型中小企业评价入库的企业申报南通市高企培育库'),
  poolIsKechuangRoute: cite(DOC.kechuang, '6. 市高新技术企业培育入库企业'),
} as const;
