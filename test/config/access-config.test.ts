import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { AppError } from '../../src/domain/errors.js';

const slack = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'shh', APPRAISAL_ADMINS: 'slack:U0ADMIN' };
const lark = { LARK_APP_ID: 'cli_a1b2c3', LARK_APP_SECRET: 's', LARK_VERIFICATION_TOKEN: 'v', LARK_ENCRYPT_KEY: 'e', APPRAISAL_ADMINS: 'lark:ou_admin01' };

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof AppError && e.code === 'CONFIG') return e.message;
    throw e;
  }
  throw new Error('expected loadConfig to refuse');
}

describe('SLACK_TEAM_ID and LARK_TENANT_KEY', () => {
  it('reads comma-separated lists of served workspaces and tenants', () => {
    expect(loadConfig({ ...slack, SLACK_TEAM_ID: 'T0123ABC, E0ORG' }).slack!.teamIds).toEqual(['T0123ABC', 'E0ORG']);
    expect(loadConfig({ ...lark, LARK_TENANT_KEY: '736588c9260f175d,2ed263bf32cf1651' }).lark!.tenantKeys).toEqual(['736588c9260f175d', '2ed263bf32cf1651']);
  });

  it('leaves them out when empty: any workspace or tenant is accepted', () => {
    expect(loadConfig({ ...slack, SLACK_TEAM_ID: '' }).slack!.teamIds).toBeUndefined();
    expect(loadConfig(lark).lark!.tenantKeys).toBeUndefined();
  });

  it('refuses a value that is not a workspace id or tenant key, naming the setting and the fix', () => {
    expect(refusal({ ...slack, SLACK_TEAM_ID: 'acme.slack.com' })).toMatch(/SLACK_TEAM_ID: "acme\.slack\.com" is not a Slack workspace id\. Fix: list workspace ids like T0123ABC/);
    expect(refusal({ ...lark, LARK_TENANT_KEY: 'our company' })).toMatch(/LARK_TENANT_KEY: "our company" is not a tenant key\. Fix: /);
  });
});
