/**
 * Where each resource runs, read in this order: (1) its own `region` argument (AWS provider v6 gives every regional
 * resource one; S3 buckets export one), (2) its provider configuration's `region` (aliases, variables, modules),
 * (3) an `availability_zone` / `availability_zones` or its ARN (`arn:aws:<service>:<region>:...`). Global services
 * (Route 53, Global Accelerator, IAM, CloudFront) have no region. Pure.
 */
import { regionInfo, REGION_CODES } from '../../model/regions';
import type { ConfigIndex } from './config';
import type { TfInstance } from './read';
import { blocks, str, strings, unknownAt } from './values';

/** An AWS region code: us-east-1, eu-central-1, us-gov-west-1, ap-southeast-5. */
const REGION_RE = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

export function isRegionCode(v: unknown): v is string {
  return typeof v === 'string' && REGION_RE.test(v);
}

/** The region of an availability zone name: us-east-1a → us-east-1; a Local Zone us-west-2-lax-1a → us-west-2. */
export function regionOfZone(zone: string): string | undefined {
  const m = /^([a-z]{2}(?:-[a-z]+)+-\d{1,2})(?:[a-z]|-[a-z]+-\d+[a-z])$/.exec(zone);
  return m ? m[1] : undefined;
}

/** The region field of an ARN (empty for global services such as S3 bucket ARNs and IAM). */
export function regionOfArn(arn: string): string | undefined {
  const parts = arn.split(':');
  return parts.length >= 6 && parts[0] === 'arn' && isRegionCode(parts[3]) ? parts[3] : undefined;
}

/** Resource types of global AWS services: no region. */
export function isGlobalType(type: string): boolean {
  return /^aws_(route53_(?!resolver)|globalaccelerator_|iam_|cloudfront_|organizations_|shield_)/.test(type);
}

export interface RegionRead {
  region?: string;
  /** How it was read, for the summary: "provider aws.dr (var.dr_region = \"us-west-2\")". */
  via: string;
}

export function regionOf(inst: TfInstance, cfg: ConfigIndex): RegionRead {
  const v = inst.values;
  if (isRegionCode(v.region) && !unknownAt(inst.unknown, ['region'])) return { region: v.region, via: 'its region argument' };
  const p = cfg.providerRegion(inst);
  if (isRegionCode(p.region)) return { region: p.region, via: `provider ${p.key}${p.via ? ` (${p.via})` : ''}` };
  const zone = str(v.availability_zone) ?? strings(v.availability_zones)[0];
  const fromZone = zone ? regionOfZone(zone) : undefined;
  if (fromZone) return { region: fromZone, via: `availability zone ${zone}` };
  const arn = str(v.arn);
  const fromArn = arn ? regionOfArn(arn) : undefined;
  if (fromArn) return { region: fromArn, via: 'its ARN' };
  // A replica block or endpoint group names its region explicitly; those are read where they are used.
  const why = p.key ? `provider ${p.key} sets no readable region` : 'no provider configuration in the plan';
  return { via: `${why}, and no region argument, availability zone or ARN is known` };
}

/** Whether dr-advisor prices this region. */
export function isPricedRegion(region: string): boolean {
  return REGION_CODES.includes(region);
}

/**
 * The DR region for a plan with one region: dr-advisor's default pair for the primary (`defaultDr` in
 * src/model/regions.ts, the one place the rule lives: the usual partner in the same geography, e.g. us-east-1 →
 * us-west-2, eu-west-1 → eu-central-1, ap-northeast-1 → ap-northeast-2).
 */
export function defaultDrRegion(primary: string): string | undefined {
  return regionInfo(primary)?.defaultDr;
}

/** Regions named in nested blocks (DynamoDB `replica[].region_name`), in order, known values only. */
export function blockRegions(inst: TfInstance, key: string, field: string): string[] {
  return blocks(inst.values[key])
    .map((b, i) => (unknownAt(inst.unknown, [key, i, field]) ? undefined : b[field]))
    .filter(isRegionCode);
}
