import type { Bilingual } from "../risks/matrix";
import type { Stage } from "../projects/enums";

/**
 * Gate processes (reference data). Each gate is the decision to enter the
 * next phase; a "go" moves the project into `stageOnGo`.
 */
export interface DeliverableDefinition extends Bilingual {
  key: string;
  mandatory: boolean;
}
export interface GateDefinitionData extends Bilingual {
  key: string;
  stageOnGo: Stage;
  deliverables: DeliverableDefinition[];
}
export interface GateProcessData extends Bilingual {
  key: string;
  gates: GateDefinitionData[];
}

const d = (key: string, en: string, zh: string, mandatory = true): DeliverableDefinition => ({ key, en, zh, mandatory });

export const GATE_PROCESSES: GateProcessData[] = [
  {
    key: "mining",
    en: "Mining project",
    zh: "矿山项目",
    gates: [
      {
        key: "pre-feasibility",
        en: "Exploration → pre-feasibility",
        zh: "勘探 → 预可行性研究",
        stageOnGo: "FEASIBILITY",
        deliverables: [
          d("resource-estimate", "Mineral resource estimate", "矿产资源估算"),
          d("exploration-report", "Exploration report", "勘探报告"),
          d("scoping-study", "Scoping study", "概略研究", false),
        ],
      },
      {
        key: "feasibility",
        en: "Pre-feasibility → feasibility",
        zh: "预可行性研究 → 可行性研究",
        stageOnGo: "FEASIBILITY",
        deliverables: [
          d("pfs-report", "Pre-feasibility study", "预可行性研究报告"),
          d("reserve-estimate", "Ore reserve estimate", "矿石储量估算"),
          d("environmental-baseline", "Environmental baseline", "环境本底调查", false),
        ],
      },
      {
        key: "investment-decision",
        en: "Feasibility / investment decision",
        zh: "可行性研究 / 投资决策",
        stageOnGo: "DESIGN",
        deliverables: [
          d("fs-report", "Feasibility study", "可行性研究报告"),
          d("financial-model", "Financial model", "财务模型"),
          d("eia-approval", "Environmental impact approval", "环评批复"),
          d("board-paper", "Board paper", "董事会议案"),
          d("risk-register", "Risk register review", "风险登记册评审", false),
        ],
      },
      {
        key: "construction",
        en: "Construction",
        zh: "建设",
        stageOnGo: "CONSTRUCTION",
        deliverables: [
          d("detailed-design", "Detailed design", "施工图设计"),
          d("permits", "Construction permits", "施工许可"),
          d("execution-plan", "Project execution plan", "项目执行计划"),
        ],
      },
      {
        key: "commissioning",
        en: "Commissioning",
        zh: "试运行",
        stageOnGo: "COMMISSIONING",
        deliverables: [
          d("mechanical-completion", "Mechanical completion certificate", "机械竣工证书"),
          d("commissioning-plan", "Commissioning plan", "试车方案"),
          d("safety-acceptance", "Safety acceptance", "安全验收"),
        ],
      },
      {
        key: "operation",
        en: "Operation",
        zh: "投产运营",
        stageOnGo: "OPERATION",
        deliverables: [
          d("performance-test", "Performance test report", "性能考核报告"),
          d("handover", "Handover to operations", "移交生产"),
          d("lessons-learned", "Lessons learned", "经验教训", false),
        ],
      },
      {
        key: "post-evaluation",
        en: "Post-evaluation",
        zh: "后评价",
        stageOnGo: "OPERATION",
        deliverables: [d("post-evaluation-report", "Post-investment evaluation report", "投资后评价报告")],
      },
    ],
  },
  {
    key: "epc",
    en: "EPC contract",
    zh: "EPC 总承包合同",
    gates: [
      {
        key: "bid",
        en: "Bid / no bid",
        zh: "投标决策",
        stageOnGo: "PROSPECTING",
        deliverables: [d("opportunity-assessment", "Opportunity assessment", "商机评估"), d("client-due-diligence", "Client due diligence", "业主尽职调查")],
      },
      {
        key: "tender",
        en: "Tender submission",
        zh: "投标文件提交",
        stageOnGo: "FEASIBILITY",
        deliverables: [
          d("cost-estimate", "Cost estimate", "成本估算"),
          d("risk-review", "Contract risk review", "合同风险评审"),
          d("tender-document", "Tender document", "投标文件"),
        ],
      },
      {
        key: "award",
        en: "Contract award",
        zh: "合同授予",
        stageOnGo: "DESIGN",
        deliverables: [d("signed-contract", "Signed contract", "签署的合同"), d("execution-plan", "Project execution plan", "项目执行计划", false)],
      },
      {
        key: "construction",
        en: "Construction start",
        zh: "开工",
        stageOnGo: "CONSTRUCTION",
        deliverables: [d("design-approval", "Design approval", "设计审批"), d("hse-plan", "HSE plan", "HSE 计划")],
      },
      {
        key: "mechanical-completion",
        en: "Mechanical completion",
        zh: "机械竣工",
        stageOnGo: "COMMISSIONING",
        deliverables: [d("punch-list", "Punch list", "尾项清单"), d("mc-certificate", "Mechanical completion certificate", "机械竣工证书")],
      },
      {
        key: "handover",
        en: "Handover and close-out",
        zh: "移交与收尾",
        stageOnGo: "COMPLETED",
        deliverables: [d("taking-over-certificate", "Taking-over certificate", "接收证书"), d("final-account", "Final account", "竣工结算", false)],
      },
    ],
  },
  {
    key: "technology",
    en: "Technology development",
    zh: "技术研发",
    gates: [
      {
        key: "concept",
        en: "Concept",
        zh: "概念",
        stageOnGo: "FEASIBILITY",
        deliverables: [d("concept-note", "Concept note", "概念说明"), d("ip-search", "Intellectual property search", "知识产权检索", false)],
      },
      {
        key: "development",
        en: "Development",
        zh: "开发",
        stageOnGo: "DESIGN",
        deliverables: [d("lab-results", "Laboratory results", "实验室结果"), d("business-case", "Business case", "商业论证")],
      },
      {
        key: "pilot",
        en: "Pilot",
        zh: "中试",
        stageOnGo: "CONSTRUCTION",
        deliverables: [d("pilot-design", "Pilot plant design", "中试装置设计"), d("safety-review", "Safety review", "安全评审")],
      },
      { key: "scale-up", en: "Scale-up", zh: "放大", stageOnGo: "COMMISSIONING", deliverables: [d("pilot-report", "Pilot report", "中试报告")] },
      {
        key: "commercialization",
        en: "Commercialization",
        zh: "产业化",
        stageOnGo: "OPERATION",
        deliverables: [d("market-plan", "Market plan", "市场计划"), d("production-readiness", "Production readiness review", "量产准备评审")],
      },
    ],
  },
];
