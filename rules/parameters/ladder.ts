import { cite, DOC } from './sources.js';

/** The growth ladder local plans lay out for technology enterprises: the order a roadmap follows. */
export const LADDER = {
  order: cite(DOC.kechuang, '建立健全“初创企业—科技型中小企业—高新技术企业—雏鹰、瞪羚、独角兽培育企业—上市科创企业”的高成长性企业跃升路线图'),
  haimenPoolPriority: cite(DOC.haimen, '优先支持通过科技型中小企业评价入库的企业申报南通市高企培育库'),
  poolIsKechuangRoute: cite(DOC.kechuang, '6. 市高新技术企业培育入库企业'),
  /**
   * Reading for the roadmap's order: a 科创项目 that is ready is applied for before 高企, since 其他说明3 counts an
   * enterprise whose first 高企 certificate comes after it was brought in as a 高企 project, not a 招引科创项目.
   */
  kechuangBeforeHnte: cite(DOC.kechuang, '3. 2021年以后从市外引进注册、从未认定为科创项目、首次于本年度获得高新技术企业认定的企业计入“通过高新技术企业认定的项目”数，但不计入招引科创项目数'),
  /** Reading: a holder is shown the re-recognition its certificate will need, judged on today's figures. */
  certificateTerm: cite(DOC.hnteMeasures, '其资格自颁发证书之日起有效期为三年'),
} as const;
