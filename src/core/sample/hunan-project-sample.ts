/**
 * A filled Hunan 预算管理一体化 project form (项目支出绩效目标表): a county's rural road safety
 * project, with the system's extra indicator columns. The names are made up; the shape, the
 * amounts in 万元 and the kind of targets are those of published Hunan forms.
 */
import type { SampleContent } from './sample-content';
import { SAMPLE_YEARS } from './sample-years';

const PLAN = '计划标准';

export const HUNAN_PROJECT_SAMPLE: SampleContent = {
  template: 'hunan-project',
  year: SAMPLE_YEARS['hunan-project'],
  fields: {
    projectName: '农村公路安全生命防护工程',
    budgetUnit: '湘潭县交通运输局',
    totalFunds: 320.5,
    superiorFunds: 150,
    periodGoal: '2023—2025年完成全县县乡道安全隐患路段防护设施建设，消除重大安全隐患。',
    annualGoal: '2023年完成县乡道安全隐患路段整治120公里，安装波形护栏45公里，道路交通事故起数同比下降。',
  },
  tasks: [],
  indicators: [
    {
      level1: '产出指标', level2: '数量指标', level3: '整治隐患路段里程', valueKind: '定量', value: '≥120', unit: '公里', standard: PLAN,
      explanation: '年度内完成整治的县乡道隐患路段里程', scoring: '完成得满分，每少10公里扣1分', remark: '',
    },
    {
      level1: '产出指标', level2: '数量指标', level3: '安装波形护栏', valueKind: '定量', value: '≥45', unit: '公里', standard: PLAN,
      explanation: '新安装波形护栏长度', scoring: '完成得满分，未完成按比例扣分', remark: '',
    },
    {
      level1: '产出指标', level2: '质量指标', level3: '工程验收合格率', valueKind: '定量', value: '100', unit: '%', standard: '行业标准',
      explanation: '验收合格的工程占完工工程的比例', scoring: '每低1个百分点扣1分', remark: '',
    },
    {
      level1: '产出指标', level2: '时效指标', level3: '工程完工时间', valueKind: '定性', value: '2023年11月底前完工', unit: '', standard: PLAN,
      explanation: '全部工程完工验收的时间', scoring: '按期完成得满分，逾期不得分', remark: '',
    },
    {
      level1: '产出指标', level2: '成本指标', level3: '每公里整治平均成本', valueKind: '定量', value: '≤2.67', unit: '万元', standard: '历史标准',
      explanation: '年度本级预算金额除以整治里程', scoring: '超出不得分', remark: '',
    },
    {
      level1: '效益指标', level2: '社会效益指标', level3: '道路交通事故起数同比下降', valueKind: '定量', value: '≥5', unit: '%', standard: '历史标准',
      explanation: '整治路段交通事故起数同比下降比例', scoring: '未下降不得分', remark: '',
    },
    {
      level1: '效益指标', level2: '可持续影响指标', level3: '防护设施使用年限', valueKind: '定量', value: '≥10', unit: '年', standard: '行业标准',
      explanation: '按设计规范的使用年限', scoring: '达到得满分', remark: '',
    },
    {
      level1: '满意度指标', level2: '服务对象满意度指标', level3: '沿线群众满意度', valueKind: '定量', value: '≥90', unit: '%', standard: PLAN,
      explanation: '问卷调查满意的比例', scoring: '每低1个百分点扣0.5分', remark: '抽样调查不少于200人',
    },
  ],
};
