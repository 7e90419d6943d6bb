/**
 * The organization tree of the real seed and the owning unit of each seeded
 * project (issue 11). A subsidiary is named as a project's owner only where
 * the source document or a well-established public fact says so; each owner
 * carries its basis here, as the portfolio's other facts carry their quotes.
 * Every other project sits directly under the group.
 *
 * Ids and codes of GRP, MMG, MCC and CMSL are the ones the migration
 * 20261203180534_org_units_and_role_assignments creates, so a database
 * migrated from before the tree and a freshly seeded one agree.
 */
import type { SeedOrgUnit } from "../../lib/db/seed-types";

export const ROOT_UNIT_ID = "00000000-0000-4000-8000-000000000001";
export const ROOT_UNIT_CODE = "GRP";

export const ORG_UNITS: SeedOrgUnit[] = [
  {
    id: ROOT_UNIT_ID,
    code: ROOT_UNIT_CODE,
    parentCode: null,
    nameEn: "China Minmetals Corporation",
    nameZh: "中国五矿集团有限公司",
    currency: "CNY",
    basis: "The group whose 2024 report is the seed's source (prisma/seed/minmetals-2024.ts).",
  },
  {
    id: "00000000-0000-4000-8000-000000000002",
    code: "MMG",
    parentCode: "GRP",
    nameEn: "MMG Limited",
    nameZh: "五矿资源有限公司",
    currency: "USD",
    basis: "Public fact: MMG Limited (HKEX: 1208) is controlled by China Minmetals and reports in US dollars.",
  },
  {
    id: "00000000-0000-4000-8000-000000000003",
    code: "MCC",
    parentCode: "GRP",
    nameEn: "Metallurgical Corporation of China Ltd.",
    nameZh: "中国冶金科工股份有限公司",
    currency: "CNY",
    basis:
      "Public fact: MCC (SSE: 601618, HKEX: 1618) is a subsidiary of China Minmetals since the 2015–2016 merger of China Metallurgical Group into the group.",
  },
  {
    id: "00000000-0000-4000-8000-000000000004",
    code: "CMSL",
    parentCode: "GRP",
    nameEn: "China Minmetals Salt Lake Co., Ltd.",
    nameZh: "五矿盐湖有限公司",
    currency: "CNY",
    basis: "Named by the source: “the Phase III lithium mining process improvement and technical transformation of China Minmetals Salt Lake Co., Ltd.”",
  },
  {
    code: "HNG",
    parentCode: "GRP",
    nameEn: "Hunan Nonferrous Metals Holding Group Co., Ltd.",
    nameZh: "湖南有色金属控股集团有限公司",
    currency: "CNY",
    basis:
      "Public fact: Hunan Nonferrous Metals Holding Group joined China Minmetals in 2009; the Huangshaping, Shuikoushan, Shizhuyuan and Xikuangshan mines are its enterprises.",
  },
];

export interface ProjectOwner {
  unit: string;
  basis: string;
}

const MMG_ASSET = (asset: string) => `Public fact: ${asset} is owned and operated by MMG Limited (MMG's annual reports list it among its operations).`;
const HNG_MINE = (mine: string) =>
  `Public fact: the ${mine} mine in Hunan is an enterprise of Hunan Nonferrous Metals Holding Group (see the HNG unit's basis).`;

/** Owners of seeded projects, by slug. A slug not listed sits directly under the group. */
export const PROJECT_OWNERS: Record<string, ProjectOwner> = {
  "las-bambas-copper-mine": { unit: "MMG", basis: MMG_ASSET("Las Bambas (Peru)") },
  "kinsevere-copper-expansion": { unit: "MMG", basis: MMG_ASSET("Kinsevere (DRC)") },
  "khoemacau-copper-mine": {
    unit: "MMG",
    basis: `${MMG_ASSET("Khoemacau (Botswana)")} MMG completed its acquisition in 2024, the takeover the source reports.`,
  },
  "mcc-ramu-nickel-cobalt": {
    unit: "MCC",
    basis: "Named by the source (“the MCC Ramu Nickel and Cobalt Mine”); public fact: MCC holds and operates Ramu NiCo in Papua New Guinea.",
  },
  "salt-lake-lithium-phase-iii-upgrade": {
    unit: "CMSL",
    basis: "Named by the source: “the Phase III lithium mining process improvement and technical transformation of China Minmetals Salt Lake Co., Ltd.”",
  },
  "huangshaping-deep-peripheral-lead-zinc-mining": { unit: "HNG", basis: HNG_MINE("Huangshaping lead-zinc") },
  "huangshaping-deep-peripheral-prospecting": { unit: "HNG", basis: HNG_MINE("Huangshaping lead-zinc") },
  "shuikoushan-deep-peripheral-prospecting": { unit: "HNG", basis: HNG_MINE("Shuikoushan lead-zinc") },
  "shizhuyuan-deep-peripheral-prospecting": { unit: "HNG", basis: HNG_MINE("Shizhuyuan polymetallic") },
  "xikuangshan-deep-peripheral-prospecting": { unit: "HNG", basis: HNG_MINE("Xikuangshan antimony") },
  // Not listed, so under the group: Yuanjing Tungsten (owner and location not
  // certain), Xianglushan (Jiangxi; owner not well established), the contracts
  // (Xiong'an, Palace Museum, Zhoukou, Resorts World Sentosa: the source does
  // not say which subsidiary holds them), Chentaigou, Zhaopingfang, the
  // Heilongjiang graphite line and the technology achievements.
};

/** slug → unit code, for the loader (lib/db/seed.ts). */
export const PROJECT_OWNER_CODES: Record<string, string> = Object.fromEntries(Object.entries(PROJECT_OWNERS).map(([slug, o]) => [slug, o.unit]));
