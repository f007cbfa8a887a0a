/**
 * Reading `terraform show -json`: which documents are Terraform plan/state JSON, the format_version rule ("reject
 * any input which reports an unsupported major version"), actions, deposed objects, data sources, module addresses.
 */
import { describe, expect, it } from 'vitest';
import { isTerraformJson, parseModuleAddress, parseTerraformText, providerShortName, readTerraform } from '../../src/import/terraform/read';
import { fixture, planOf, web } from './helpers';

const FORMATS: [string, string][] = [
  ['legacy-0.12.plan.json', '0.1'],
  ['mixed-actions.plan.json', '0.2'],
  ['eks.state.json', '0.2'],
  ['warm-standby.plan.json', '1.0'],
  ['backup-restore.state.json', '1.0'],
  ['pilot-light-aurora.plan.json', '1.1'],
  ['web-app.plan.json', '1.2'],
];

describe('format versions', () => {
  it.each(FORMATS)('%s is format %s and is read', (file, version) => {
    const doc = readTerraform(fixture(file), file);
    expect(doc.formatVersion).toBe(version);
    expect(doc.kind).toBe(file.includes('.state.') ? 'state' : 'plan');
    expect(doc.instances.length).toBeGreaterThan(0);
  });

  it('accepts any minor of majors 0 and 1 (1.9, 0.3), refuses another major with one line', () => {
    for (const v of ['0.3', '1.9', '1.10']) expect(readTerraform({ format_version: v, planned_values: {}, resource_changes: [] }, 'p.json').formatVersion).toBe(v);
    expect(() => readTerraform({ format_version: '2.0', planned_values: {} }, 'p.json')).toThrow(
      'p.json: Terraform JSON format_version 2.0 is not supported (dr-advisor reads 0.1 to 1.x; a new major version is not backward-compatible)',
    );
    expect(() => readTerraform({ format_version: 1.2, values: {} }, 'p.json')).toThrow('p.json: format_version must be a version like "1.2" (got 1.2)');
    expect(() => readTerraform({ format_version: 'one', values: {} }, 'p.json')).toThrow('p.json: format_version must be a version like "1.2" (got "one")');
  });

  it('JSON that is not Terraform plan/state JSON, and text that is not JSON: one line each', () => {
    expect(() => readTerraform({ name: 'my-package', version: '1.0.0' }, 'package.json')).toThrow(
      'package.json: not Terraform plan or state JSON: no format_version; expected the JSON of `terraform show -json` (a saved plan or a state, with format_version and planned_values or values)',
    );
    expect(() => readTerraform([1, 2], 'x.json')).toThrow('x.json: not Terraform plan or state JSON (got a list); expected');
    expect(() => readTerraform({ format_version: '1.0', provider_schemas: {} }, 's.json')).toThrow('s.json: this is `terraform providers schema -json` output, not a plan or a state; expected');
    expect(readTerraform({ format_version: '1.0' }, 's.json')).toMatchObject({ kind: 'state', instances: [] }); // an empty state
    expect(() => readTerraform({ provider_schemas: {} }, 's.json')).toThrow('(this is `terraform providers schema -json` output)');
    expect(() => parseTerraformText('{"format_version": ', 'p.json')).toThrow(/^p\.json: not valid JSON \(.+\); expected the output of `terraform show -json`$/);
    expect(() => parseTerraformText('resource "aws_instance" "x" {}', 'main.tf')).toThrow(/^main\.tf: not valid JSON/);
  });

  it('isTerraformJson: format_version and planned_values, values or resource_changes', () => {
    expect(isTerraformJson(fixture('web-app.plan.json'))).toBe(true);
    expect(isTerraformJson(fixture('eks.state.json'))).toBe(true);
    expect(isTerraformJson({ format_version: '1.0' })).toBe(false);
    expect(isTerraformJson({ version: 1, regions: { primary: 'us-east-1' }, compute: {} })).toBe(false);
    expect(isTerraformJson({ format_version: 1, values: {} })).toBe(false);
  });
});

describe('resource instances', () => {
  it('actions: create/update/no-op/replace (both orders) keep the after values; delete keeps before; deposed is a delete', () => {
    const doc = readTerraform(fixture('mixed-actions.plan.json'), 'm.json');
    const by = (a: string, deposed = false) => doc.instances.find((i) => i.address === a && Boolean(i.deposed) === deposed)!;
    expect(by('aws_instance.app').action).toBe('update');
    expect(by('aws_instance.app').values.instance_type).toBe('m5.xlarge');
    expect(by('aws_instance.canary').action).toBe('replace');
    expect(by('aws_instance.canary', true)).toMatchObject({ action: 'delete', deposed: '0f1e2d3c' });
    expect(by('aws_instance.blue').action).toBe('replace');
    expect(by('aws_instance.steady').action).toBe('no-op');
    expect(by('aws_instance.old')).toMatchObject({ action: 'delete', values: { instance_type: 'm4.large' } });
    expect(by('aws_instance.batch').unknown).toMatchObject({ instance_type: true });
    // A data source read at apply time (resource_changes) and one read while planning (prior_state only).
    expect(by('data.aws_ssm_parameter.batch_type')).toMatchObject({ mode: 'data', action: 'read' });
    expect(by('data.aws_region.current')).toMatchObject({ mode: 'data', action: 'read' });
  });

  it('states: child modules recursively, with their module addresses; provider names', () => {
    const doc = readTerraform(fixture('backup-restore.state.json'), 's.json');
    expect(doc.instances.find((i) => i.address === 'module.network.aws_vpc.main')).toMatchObject({ moduleAddress: 'module.network', modules: [{ name: 'network' }], action: 'state', provider: 'aws' });
    expect(providerShortName('registry.terraform.io/hashicorp/aws', 'aws_vpc')).toBe('aws');
    expect(providerShortName('aws', 'aws_vpc')).toBe('aws');
    expect(providerShortName(undefined, 'google_compute_instance')).toBe('google');
  });

  it('module addresses with count and for_each keys', () => {
    expect(parseModuleAddress('module.a["us-east-1"].module.b[0]')).toEqual([{ name: 'a', key: 'us-east-1' }, { name: 'b', key: 0 }]);
    expect(parseModuleAddress('')).toEqual([]);
    expect(parseModuleAddress('aws_instance.x')).toBeUndefined();
    const doc = readTerraform(planOf({ resources: [web({ module: 'module.site["eu"]' })] }), 'p.json');
    expect(doc.instances[0]).toMatchObject({ address: 'module.site["eu"].aws_instance.web', modules: [{ name: 'site', key: 'eu' }] });
  });

  it('a plan without resource_changes is read from planned_values', () => {
    const doc = readTerraform({ format_version: '0.1', planned_values: { root_module: { resources: [{ address: 'aws_instance.a', mode: 'managed', type: 'aws_instance', name: 'a', provider_name: 'aws', values: { instance_type: 't3.micro' } }] } } }, 'p.json');
    expect(doc.instances).toHaveLength(1);
    expect(doc.instances[0]).toMatchObject({ action: 'no-op', values: { instance_type: 't3.micro' } });
  });
});
