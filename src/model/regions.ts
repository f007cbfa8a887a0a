/**
 * Every commercial AWS region of the AWS Price List, one row each: the Price List `location` name (AWSDataTransfer
 * from/to filters), the usage-type prefix (billing code), the Global Accelerator region group, the geography, the
 * default DR region (same geography where the geography has a second region) and the nearby region whose prices
 * stand in, marked estimated, where this region has no figure of its own. Region pairs (and so the inter-region
 * transfer keys of the bundled snapshot) follow from this table; there is no hand list per pair.
 *
 * Sources:
 * - region codes and names: AWS General Reference, "AWS Regions"
 *   (https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html), and the AWS SDK's partition
 *   table (`partitions.json`, the 34 regions of partition `aws` matching `^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$`);
 * - usage-type prefixes: "AWS Region billing codes"
 *   (https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-region-billing-codes.html); eu-west-1 is
 *   `EU`, not EUW1 (reference/pricing.md §1.4: infracost LB regex), us-east-1 usage types are mostly unprefixed;
 * - Price List `location` values: Price List attribute `location` ("EU (Frankfurt)", not "Europe (Frankfurt)";
 *   "South America (Sao Paulo)" without the tilde), reference/pricing.md §1.3 and infracost
 *   `internal/resources/aws/util.go` RegionMapping;
 * - Global Accelerator groups: the Price List `fromLocation`/`toLocation` codes of AWSGlobalAccelerator (NA, EU, AP,
 *   SA, ME, ZA; infracost `regionCodeMapping`, reference/pricing.md §2).
 */
import { quote } from '../text/escape';
import { nearest } from '../text/suggest';

export type Geography = 'north-america' | 'south-america' | 'europe' | 'middle-east' | 'africa' | 'asia-pacific';
export type GaGroup = 'NA' | 'EU' | 'AP' | 'SA' | 'ME' | 'ZA';

export interface RegionInfo {
  code: string;
  /** Plain name ("Asia Pacific (Sydney)"). */
  name: string;
  /** The Price List `location` attribute value. */
  location: string;
  /** The usage-type prefix (billing code), e.g. `APS2` in `APS2-BoxUsage:m5.large`. */
  usagePrefix: string;
  gaGroup: GaGroup;
  geography: Geography;
  /** A sensible default DR region for this primary (same geography where there is one). */
  defaultDr: string;
  /** The nearby region whose price stands in (estimated) where this region has no figure; none for regions every
   * source covers. */
  nearby?: string;
}

const r = (
  code: string,
  name: string,
  location: string,
  usagePrefix: string,
  gaGroup: GaGroup,
  geography: Geography,
  defaultDr: string,
  nearby?: string,
): RegionInfo => ({ code, name, location, usagePrefix, gaGroup, geography, defaultDr, ...(nearby ? { nearby } : {}) });

export const REGIONS: readonly RegionInfo[] = [
  r('us-east-1', 'US East (N. Virginia)', 'US East (N. Virginia)', 'USE1', 'NA', 'north-america', 'us-west-2'),
  r('us-east-2', 'US East (Ohio)', 'US East (Ohio)', 'USE2', 'NA', 'north-america', 'us-west-2', 'us-east-1'),
  r('us-west-1', 'US West (N. California)', 'US West (N. California)', 'USW1', 'NA', 'north-america', 'us-west-2', 'us-west-2'),
  r('us-west-2', 'US West (Oregon)', 'US West (Oregon)', 'USW2', 'NA', 'north-america', 'us-east-1', 'us-east-1'),
  r('ca-central-1', 'Canada (Central)', 'Canada (Central)', 'CAN1', 'NA', 'north-america', 'ca-west-1', 'us-east-1'),
  r('ca-west-1', 'Canada West (Calgary)', 'Canada West (Calgary)', 'CAN2', 'NA', 'north-america', 'ca-central-1', 'ca-central-1'),
  r('mx-central-1', 'Mexico (Central)', 'Mexico (Central)', 'MXC1', 'NA', 'north-america', 'us-east-1', 'us-east-2'),
  r('sa-east-1', 'South America (São Paulo)', 'South America (Sao Paulo)', 'SAE1', 'SA', 'south-america', 'us-east-1', 'us-east-1'),
  r('eu-west-1', 'Europe (Ireland)', 'EU (Ireland)', 'EU', 'EU', 'europe', 'eu-central-1', 'eu-west-2'),
  r('eu-west-2', 'Europe (London)', 'EU (London)', 'EUW2', 'EU', 'europe', 'eu-west-1', 'eu-west-1'),
  r('eu-west-3', 'Europe (Paris)', 'EU (Paris)', 'EUW3', 'EU', 'europe', 'eu-central-1', 'eu-west-2'),
  r('eu-central-1', 'Europe (Frankfurt)', 'EU (Frankfurt)', 'EUC1', 'EU', 'europe', 'eu-west-1', 'eu-west-3'),
  r('eu-central-2', 'Europe (Zurich)', 'EU (Zurich)', 'EUC2', 'EU', 'europe', 'eu-central-1', 'eu-central-1'),
  r('eu-north-1', 'Europe (Stockholm)', 'EU (Stockholm)', 'EUN1', 'EU', 'europe', 'eu-central-1', 'eu-west-1'),
  r('eu-south-1', 'Europe (Milan)', 'EU (Milan)', 'EUS1', 'EU', 'europe', 'eu-central-1', 'eu-central-1'),
  r('eu-south-2', 'Europe (Spain)', 'EU (Spain)', 'EUS2', 'EU', 'europe', 'eu-west-3', 'eu-south-1'),
  r('il-central-1', 'Israel (Tel Aviv)', 'Israel (Tel Aviv)', 'ILC1', 'ME', 'middle-east', 'me-central-1', 'me-central-1'),
  r('me-south-1', 'Middle East (Bahrain)', 'Middle East (Bahrain)', 'MES1', 'ME', 'middle-east', 'me-central-1', 'me-central-1'),
  r('me-central-1', 'Middle East (UAE)', 'Middle East (UAE)', 'MEC1', 'ME', 'middle-east', 'me-south-1', 'me-south-1'),
  r('af-south-1', 'Africa (Cape Town)', 'Africa (Cape Town)', 'AFS1', 'ZA', 'africa', 'eu-west-1', 'eu-west-1'),
  r('ap-east-1', 'Asia Pacific (Hong Kong)', 'Asia Pacific (Hong Kong)', 'APE1', 'AP', 'asia-pacific', 'ap-southeast-1', 'ap-southeast-1'),
  r('ap-east-2', 'Asia Pacific (Taipei)', 'Asia Pacific (Taipei)', 'APE2', 'AP', 'asia-pacific', 'ap-northeast-1', 'ap-east-1'),
  r('ap-northeast-1', 'Asia Pacific (Tokyo)', 'Asia Pacific (Tokyo)', 'APN1', 'AP', 'asia-pacific', 'ap-northeast-2', 'ap-northeast-3'),
  r('ap-northeast-2', 'Asia Pacific (Seoul)', 'Asia Pacific (Seoul)', 'APN2', 'AP', 'asia-pacific', 'ap-northeast-1', 'ap-northeast-1'),
  r('ap-northeast-3', 'Asia Pacific (Osaka)', 'Asia Pacific (Osaka)', 'APN3', 'AP', 'asia-pacific', 'ap-northeast-1', 'ap-northeast-1'),
  r('ap-south-1', 'Asia Pacific (Mumbai)', 'Asia Pacific (Mumbai)', 'APS3', 'AP', 'asia-pacific', 'ap-south-2', 'ap-southeast-1'),
  r('ap-south-2', 'Asia Pacific (Hyderabad)', 'Asia Pacific (Hyderabad)', 'APS5', 'AP', 'asia-pacific', 'ap-south-1', 'ap-south-1'),
  r('ap-southeast-1', 'Asia Pacific (Singapore)', 'Asia Pacific (Singapore)', 'APS1', 'AP', 'asia-pacific', 'ap-northeast-1', 'ap-northeast-1'),
  r('ap-southeast-2', 'Asia Pacific (Sydney)', 'Asia Pacific (Sydney)', 'APS2', 'AP', 'asia-pacific', 'ap-southeast-4', 'ap-southeast-1'),
  r('ap-southeast-3', 'Asia Pacific (Jakarta)', 'Asia Pacific (Jakarta)', 'APS4', 'AP', 'asia-pacific', 'ap-southeast-1', 'ap-southeast-1'),
  r('ap-southeast-4', 'Asia Pacific (Melbourne)', 'Asia Pacific (Melbourne)', 'APS6', 'AP', 'asia-pacific', 'ap-southeast-2', 'ap-southeast-2'),
  r('ap-southeast-5', 'Asia Pacific (Malaysia)', 'Asia Pacific (Malaysia)', 'APS7', 'AP', 'asia-pacific', 'ap-southeast-1', 'ap-southeast-1'),
  r('ap-southeast-6', 'Asia Pacific (New Zealand)', 'Asia Pacific (New Zealand)', 'APS8', 'AP', 'asia-pacific', 'ap-southeast-2', 'ap-southeast-2'),
  r('ap-southeast-7', 'Asia Pacific (Thailand)', 'Asia Pacific (Thailand)', 'APS9', 'AP', 'asia-pacific', 'ap-southeast-1', 'ap-southeast-1'),
];

export const REGION_CODES = REGIONS.map((x) => x.code) as [string, ...string[]];

const byCode = new Map(REGIONS.map((x) => [x.code, x]));

export function regionInfo(code: string): RegionInfo | undefined {
  return byCode.get(code);
}

/** The known regions nearest to a mistyped code ("ap-southeast-9" → ap-southeast-1, ap-southeast-2, …). */
export function nearestRegions(value: string, n = 3): string[] {
  return nearest(value, REGION_CODES, n);
}

/** What a region value must be, for validation messages (which add the nearest known ones and the value). */
export const REGION_RULE = `must be a known commercial AWS region (${REGIONS.length} known, ${REGION_CODES[0]} to ${REGION_CODES[REGION_CODES.length - 1]})`;

/** The message for an unknown region given as a flag: `--dr-region must be a known commercial AWS region (…); nearest:
 * ap-southeast-2, ap-southeast-1, ap-southeast-3 (got "ap-southest-2")`. */
export function unknownRegionText(flag: string, value: string): string {
  // No suggestion for an empty or over-long value (nothing to be near); the value is escaped and cut like every echo.
  const near = value.trim() ? nearestRegions(value) : [];
  return `${flag} ${REGION_RULE}${near.length ? `; nearest: ${near.join(', ')}` : ''} (got ${quote(value)})`;
}

/**
 * The Region sets of DynamoDB global tables with multi-Region strong consistency (MRSC). "A MRSC global table can be
 * configured with either three replicas, or with two replicas and one witness. The witness must be in a different
 * Region than the replicas and within the same Region set" (AWS CloudFormation Template Reference,
 * AWS::DynamoDB::GlobalTable GlobalTableWitness; the AWS SDK code example "MRSC requires exactly three replicas in
 * supported regions"). So a strongly consistent table spans 2 or 3 active regions of one set.
 */
export const MRSC_REGION_SETS: Readonly<Record<'US' | 'EU' | 'AP', readonly string[]>> = {
  US: ['us-east-1', 'us-east-2', 'us-west-2'],
  EU: ['eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1'],
  AP: ['ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3'],
};

/** The MRSC Region set holding every one of these regions, or undefined when none does. */
export function mrscRegionSet(regions: readonly string[]): keyof typeof MRSC_REGION_SETS | undefined {
  return (Object.keys(MRSC_REGION_SETS) as (keyof typeof MRSC_REGION_SETS)[]).find((k) => regions.every((r) => MRSC_REGION_SETS[k].includes(r)));
}
