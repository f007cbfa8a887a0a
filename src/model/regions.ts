/**
 * The AWS regions dr-advisor knows: the Price List `location` name (used by AWSDataTransfer from/to filters), the
 * usage-type prefix, and the Global Accelerator region group. Sources: reference/pricing.md §1.4 and §2.
 */
export interface RegionInfo {
  code: string;
  location: string;
  usagePrefix: string;
  gaGroup: 'NA' | 'EU' | 'AP';
  /** A sensible default DR region for this primary. */
  defaultDr: string;
}

export const REGIONS: readonly RegionInfo[] = [
  { code: 'us-east-1', location: 'US East (N. Virginia)', usagePrefix: 'USE1', gaGroup: 'NA', defaultDr: 'us-west-2' },
  { code: 'us-east-2', location: 'US East (Ohio)', usagePrefix: 'USE2', gaGroup: 'NA', defaultDr: 'us-west-2' },
  { code: 'us-west-2', location: 'US West (Oregon)', usagePrefix: 'USW2', gaGroup: 'NA', defaultDr: 'us-east-1' },
  { code: 'eu-west-1', location: 'EU (Ireland)', usagePrefix: 'EU', gaGroup: 'EU', defaultDr: 'eu-central-1' },
  { code: 'eu-central-1', location: 'EU (Frankfurt)', usagePrefix: 'EUC1', gaGroup: 'EU', defaultDr: 'eu-west-1' },
  { code: 'ap-northeast-1', location: 'Asia Pacific (Tokyo)', usagePrefix: 'APN1', gaGroup: 'AP', defaultDr: 'ap-northeast-2' },
  { code: 'ap-northeast-2', location: 'Asia Pacific (Seoul)', usagePrefix: 'APN2', gaGroup: 'AP', defaultDr: 'ap-northeast-1' },
  { code: 'ap-southeast-1', location: 'Asia Pacific (Singapore)', usagePrefix: 'APS1', gaGroup: 'AP', defaultDr: 'ap-northeast-1' },
];

export const REGION_CODES = REGIONS.map((r) => r.code) as [string, ...string[]];

export function regionInfo(code: string): RegionInfo | undefined {
  return REGIONS.find((r) => r.code === code);
}
