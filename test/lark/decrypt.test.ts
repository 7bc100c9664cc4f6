import crypto from 'node:crypto';
import { AESCipher } from '@larksuiteoapi/node-sdk';
import { describe, expect, it } from 'vitest';
import { decryptLark } from '../../src/adapters/lark/http/verify.js';
import { encrypt } from './signing.js';

/**
 * The edge decrypts Lark's bodies itself, on bytes (issue 16: the SDK's AESCipher went through a
 * hex string and hashed the key on every request). It must read exactly what the SDK reads.
 */
describe('decrypting a Lark body', () => {
  const key = 'test-encrypt-key';
  const payloads = [
    { schema: '2.0', header: { event_type: 'im.message.receive_v1', token: 't' }, event: { message: { content: JSON.stringify({ text: '/拜访 华为 今天 面谈顺利，下周报价' }) } } },
    { text: 'x'.repeat(15) },
    { text: '回款'.repeat(3000), emoji: '🙂', mixed: 'Acme（A 类，118 天）' },
  ];

  it('gives the plaintext the SDK gives, Chinese and emoji included, at every length', () => {
    for (const p of payloads) {
      const sealed = encrypt(key, p);
      expect(decryptLark(sealed, key)).toBe(new AESCipher(key).decrypt(sealed));
      expect(JSON.parse(decryptLark(sealed, key))).toEqual(p);
    }
  });

  it('throws on a body sealed with another key or too short to hold an IV, as the SDK does', () => {
    // A fixed IV: with a random one, a wrong key yields valid padding once in ~256 runs.
    const iv = Buffer.alloc(16, 7);
    const cipher = crypto.createCipheriv('aes-256-cbc', crypto.createHash('sha256').update('another-key').digest(), iv);
    const sealed = Buffer.concat([iv, cipher.update(JSON.stringify(payloads[0]), 'utf8'), cipher.final()]).toString('base64');
    expect(() => decryptLark(sealed, key)).toThrow();
    expect(() => new AESCipher(key).decrypt(sealed)).toThrow();
    expect(() => decryptLark('AAAA', key)).toThrow();
  });
});
