import {
  formatPersonalCiphertext,
  isPersonalCiphertext,
  parsePersonalCiphertext,
} from './personal-ciphertext';

describe('the personal ciphertext format', () => {
  it('round-trips a subject id, colons included', () => {
    const sealed = Buffer.from('0123456789abcdef0123456789abcdef');
    const text = formatPersonalCiphertext({ subjectId: 'person:42', sealed });

    expect(text.startsWith('pd:v1:person:42:')).toBe(true);
    expect(parsePersonalCiphertext(text)).toEqual({ subjectId: 'person:42', sealed });
  });

  it('recognises only its own shape', () => {
    expect(isPersonalCiphertext('pd:v1:US-EIN-1:AAAA')).toBe(true);
    expect(isPersonalCiphertext('ada@example.org')).toBe(false);
    expect(isPersonalCiphertext('pd:v2:US-EIN-1:AAAA')).toBe(false);
    expect(isPersonalCiphertext('pd:v1::AAAA')).toBe(false);
    expect(isPersonalCiphertext(null)).toBe(false);
  });
});
