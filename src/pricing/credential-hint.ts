/**
 * A fast answer to "could the AWS SDK find credentials here?" without loading the SDK (≈150 ms): when no credential
 * source is configured at all — no AWS_* credential variables, no shared config or credentials file, and not on
 * EC2 (where an instance role may answer) — `auto` pricing goes straight to the snapshot. When any source exists
 * the SDK's own chain decides. The caller passes the environment (and home directory) the SDK will see.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const ENV_SOURCES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_PROFILE',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_SSO_SESSION',
];

/** The environment variables this check reads. */
export type CredentialEnv = Readonly<Record<string, string | undefined>>;

function onEc2(env: CredentialEnv): boolean {
  if ((env.AWS_EC2_METADATA_DISABLED ?? '').toLowerCase() === 'true') return false;
  for (const [file, test] of [
    ['/sys/hypervisor/uuid', (s: string) => s.toLowerCase().startsWith('ec2')],
    ['/sys/class/dmi/id/board_vendor', (s: string) => s.includes('Amazon')],
    ['/sys/class/dmi/id/sys_vendor', (s: string) => s.includes('Amazon')],
  ] as const) {
    try {
      if (test(readFileSync(file, 'utf8'))) return true;
    } catch {
      // not readable: not this kind of host
    }
  }
  return false;
}

export function credentialSourceConfigured(env: CredentialEnv, home: string = homedir()): boolean {
  if (ENV_SOURCES.some((k) => (env[k] ?? '') !== '')) return true;
  const files = [env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'), env.AWS_CONFIG_FILE || join(home, '.aws', 'config')];
  if (files.some((f) => existsSync(f))) return true;
  return onEc2(env);
}
