/** The fast "no credential source" check that lets `auto` skip loading the AWS SDK. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { credentialSourceConfigured } from '../../src/pricing/credential-hint';

describe('credentialSourceConfigured', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dr-cred-'));
  const none = { AWS_SHARED_CREDENTIALS_FILE: join(dir, 'missing-credentials'), AWS_CONFIG_FILE: join(dir, 'missing-config'), AWS_EC2_METADATA_DISABLED: 'true' };
  it('no variables, no files, metadata disabled → nothing to find', () => {
    expect(credentialSourceConfigured(none)).toBe(false);
  });
  it('an access key, a profile or a web identity token is a source', () => {
    expect(credentialSourceConfigured({ ...none, AWS_ACCESS_KEY_ID: 'AKIA' })).toBe(true);
    expect(credentialSourceConfigured({ ...none, AWS_PROFILE: 'dev' })).toBe(true);
    expect(credentialSourceConfigured({ ...none, AWS_WEB_IDENTITY_TOKEN_FILE: '/t' })).toBe(true);
  });
  it('an existing shared credentials or config file is a source (even if empty: the SDK decides)', () => {
    const f = join(dir, 'credentials');
    writeFileSync(f, '');
    expect(credentialSourceConfigured({ ...none, AWS_SHARED_CREDENTIALS_FILE: f })).toBe(true);
  });
});
