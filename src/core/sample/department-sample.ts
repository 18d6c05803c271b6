/**
 * The reference department form: 衡阳市归国华侨联合会, 2022, as printed (docs/domain.md, "The reference forms").
 * Kept as it is, flaws included: 部门职能职责概述 holds the HTML of a copy-paste (`<p>`,
 * `<ol style=…>`) and 成本指标's value "略有节余" states no number; the rules report both as
 * warnings, and no errors.
 */
import type { SampleContent } from './sample-content';
import { SAMPLE_YEARS } from './sample-years';

export const DEPARTMENT_SAMPLE: SampleContent = {
  template: 'department',
  year: SAMPLE_YEARS.department,
  fields: {
    unit: '市侨联',
    departmentName: '衡阳市归国华侨联合会',
    totalFunds: 180.61,
    publicFinance: 180.61,
    basicExpenditure: 141.74,
    projectExpenditure: 38.87,
    functions:
      '<p>市侨联是中共衡阳市委领导的由归侨、侨眷组成的人民团体,是党和政府联系广大归侨、侨眷和海外侨胞的桥梁和纽带,是团结服务归侨侨眷和海外侨胞的群众组织。其主要工作任务是:</p> <ol style="list-style-type: none"> 1、宣传、贯彻党和政府的方针、政策,团结和动员归侨、侨眷积极参加我市改革开放和社会主义现代化建设。 2、依法维护归侨、侨眷的合法权益,指导基层侨联依法开展活动,为广大归侨、侨眷和侨胞提供法律咨询服务。 3、围绕经济建设,凝聚侨心,发挥侨力。引进资金、技术、设备和人才,协助和联络海外侨胞兴办实业及各种公益事业,为侨提供服务。 4、制订全市侨联工作计划和发展规划,并组织实施;负责全市归侨、侨眷代表大会及其委员会的决议、决定的实施。 5、积极参政议政,参与人大、政协的侨界代表、侨联界委员人选的协商和推荐。 6、密切与海外侨胞及其社团的联系,广泛了解归侨、侨眷和海外侨胞的意见和要求,为党和政府制订侨务政策和地方性法规提出建议和意见。按中央和省、市委的要求,加强侨务对台工作,为祖国统一大业服务。 7、负责指导全市侨联组织以及各平台的有关工作。 8、承办市委、市政府交办的其他工作。',
    overallGoal: '做好凝心聚力、服务中心、联络联谊、为侨服务、能力建设等工作。',
    preparer: '扶金辉',
    // Text, so that a number with a leading 0 would keep it.
    phone: '8866810',
    fillDate: '2022年1月5日',
  },
  tasks: [
    {
      name: '海外联谊',
      content:
        '密切与海外侨胞及其社团的联系,广泛了解归侨、侨眷和海外侨胞的意见和要求,为党和政府制订侨务政策和地方性法规提出建议和意见。按中央和省、市委的要求,加强侨务对台工作,为祖国统一大业服务。',
      total: 17.68,
      fiscal: 17.68,
    },
    { name: '群众工作', content: '宣传、贯彻党和政府的方针、政策,团结和动员归侨、侨眷积极参加我市改革开放和社会主义现代化建设。', total: 3, fiscal: 3 },
    { name: '参政议政', content: '积极参政议政,参与人大、政协的侨界代表、侨联界委员人选的协商和推荐。', total: 5.19, fiscal: 5.19 },
    // One task row; the extracted text of the reference breaks its content over two lines.
    { name: '维护侨益', content: '依法维护归侨、侨眷的合法权益,指导基层侨联依法开展活动,为广大归侨、侨眷和侨胞提供法律咨询服务。', total: 13, fiscal: 13 },
  ],
  indicators: [
    { level1: '完成指标', level2: '数量指标', level3: '举办“侨心永向党歌咏”比赛。', value: '1次' },
    { level1: '完成指标', level2: '数量指标', level3: '承办省侨商会年会。', value: '1次' },
    { level1: '完成指标', level2: '数量指标', level3: '承办海外侨胞故乡行活动。', value: '1次' },
    { level1: '完成指标', level2: '数量指标', level3: '申报“珍珠班”及侨胞之家。', value: '2个' },
    { level1: '完成指标', level2: '质量指标', level3: '举办“侨心永向党歌咏”比赛。', value: '圆满完成' },
    { level1: '完成指标', level2: '质量指标', level3: '承办省侨商会年会。', value: '圆满完成' },
    { level1: '完成指标', level2: '质量指标', level3: '承办海外侨胞故乡行活动。', value: '圆满完成' },
    { level1: '完成指标', level2: '质量指标', level3: '申报“珍珠班”及侨胞之家。', value: '稳步推进' },
    { level1: '完成指标', level2: '时效指标', level3: '按时完成比率', value: '100%' },
    { level1: '完成指标', level2: '成本指标', level3: '180.61万元', value: '略有节余' },
    {
      level1: '效益指标',
      level2: '经济效益指标',
      level3: '通过组织的各项活动，引导海外侨胞回国创业，同时，将衡阳特色推向海外。',
      value: '助推衡阳经济社会发展',
    },
    {
      level1: '效益指标',
      level2: '社会效益指标',
      level3: '通过一系列活动开展，引领海外侨胞感受“侨胞之家”的温暖，引领海外侨胞回乡投资、创业、达成共识。',
      value: '侨界群众满意的模范机关',
    },
    // The reference writes the satisfaction name where the 一级 stands, with no 二级.
    { level1: '社会公众或服务对象满意度', level2: '', level3: '上级、社会公众、服务对象满意。', value: '满意度达到95%' },
  ],
};
