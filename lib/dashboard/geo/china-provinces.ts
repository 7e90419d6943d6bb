/**
 * Where the China inset places a province's projects that have no
 * coordinates of their own (issue 17.12): at the provincial capital, by the
 * province's English name as projects store it (Project.subdivision). The
 * 31 mainland provincial-level divisions and the two special administrative
 * regions; a name not listed here leaves its projects at China's centroid.
 * Capitals rather than area centroids: a centroid can fall in empty desert
 * (Inner Mongolia, Gansu), a capital is where the province is known to be.
 */
export const CHINA_PROVINCE_SEATS: Readonly<Record<string, readonly [longitude: number, latitude: number]>> = {
  Anhui: [117.23, 31.82],
  Beijing: [116.4, 39.9],
  Chongqing: [106.55, 29.56],
  Fujian: [119.3, 26.08],
  Gansu: [103.83, 36.06],
  Guangdong: [113.26, 23.13],
  Guangxi: [108.37, 22.82],
  Guizhou: [106.63, 26.65],
  Hainan: [110.35, 20.02],
  Hebei: [114.51, 38.04],
  Heilongjiang: [126.53, 45.8],
  Henan: [113.63, 34.75],
  "Hong Kong": [114.17, 22.35],
  Hubei: [114.31, 30.59],
  Hunan: [112.94, 28.23],
  "Inner Mongolia": [111.75, 40.84],
  Jiangsu: [118.78, 32.06],
  Jiangxi: [115.86, 28.68],
  Jilin: [125.32, 43.82],
  Liaoning: [123.43, 41.8],
  Macau: [113.54, 22.19],
  Ningxia: [106.23, 38.49],
  Qinghai: [101.78, 36.62],
  Shaanxi: [108.94, 34.34],
  Shandong: [117.0, 36.65],
  Shanghai: [121.47, 31.23],
  Shanxi: [112.55, 37.87],
  Sichuan: [104.07, 30.57],
  Tianjin: [117.2, 39.13],
  Tibet: [91.13, 29.65],
  Xinjiang: [87.62, 43.83],
  Yunnan: [102.83, 24.88],
  Zhejiang: [120.16, 30.27],
};

export const CHINA_PROVINCES: readonly string[] = Object.keys(CHINA_PROVINCE_SEATS);

export function chinaProvinceSeat(name: string): { longitude: number; latitude: number } | null {
  const seat = Object.hasOwn(CHINA_PROVINCE_SEATS, name) ? CHINA_PROVINCE_SEATS[name] : undefined;
  return seat ? { longitude: seat[0], latitude: seat[1] } : null;
}
