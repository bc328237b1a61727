#!/usr/bin/env python3
# A tampered copy of a signed version-2 trail, one edit per kind on every 10th row (docs/PERFORMANCE.md, "Issue 13,
# stop 15"): replay --verify-key of the copy must give the same verdicts on every jar. Signatures crafted with the
# private key (mixed-order R, neutral R) test the Ed25519 verifier where implementations may differ.
# Usage: benchmarks/tamper-signed-trail.py SIGNED.jsonl OUT.jsonl shebao-audit.key
# Tampered copy of a signed v2 trail: one edit per kind on rows 10, 20, ... (row = line index of a row)
import sys, json, base64, hashlib, re
src, dst, keyfile = sys.argv[1:4]
p = 2**255 - 19; L = 2**252 + 27742317777372353535851937790883648493
d = -121665 * pow(121666, p - 2, p) % p; I = pow(2, (p - 1) // 4, p)
def add(P, Q):
    x1, y1 = P; x2, y2 = Q; t = d * x1 * x2 * y1 * y2 % p
    return ((x1*y2 + y1*x2) * pow(1 + t, p-2, p) % p, (y1*y2 + x1*x2) * pow(1 - t, p-2, p) % p)
def mul(P, n):
    R = (0, 1)
    for b in bin(n)[2:]:
        R = add(R, R)
        if b == '1': R = add(R, P)
    return R
def dec(b):
    y = int.from_bytes(b, 'little') & (2**255 - 1); s = b[31] >> 7
    u = (y*y - 1) % p; v = (d*y*y + 1) % p; x2 = u * pow(v, p-2, p) % p
    x = pow(x2, (p + 3) // 8, p)
    if x*x % p != x2: x = x * I % p
    if (x & 1) != s: x = p - x
    return (x, y)
def enc(P):
    x, y = P; return (y | ((x & 1) << 255)).to_bytes(32, 'little')
B = dec(bytes.fromhex("5866666666666666666666666666666666666666666666666666666666666666"))
T8 = dec(bytes.fromhex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"))
pem = open(keyfile).read().split("-----BEGIN PRIVATE KEY-----")[1].split("-----END")[0]
seed = base64.b64decode(pem)[-32:]
h = hashlib.sha512(seed).digest(); a = int.from_bytes(h[:32], 'little')
a &= (1 << 254) - 8; a |= 1 << 254
A = enc(mul(B, a))
lines = open(src, encoding='utf-8').read().split('\n')
rows = [i for i, l in enumerate(lines) if l.startswith('{"kind"')]
hdr = [l for l in lines if '"record":"header"' in l][0]
hdigest = json.loads(hdr)['digest']
def content(l): return l[:l.index(',"digest":')] + '}'
def sig_of(l): return base64.b64decode(json.loads(l)['signature'])
def with_sig(l, s): return re.sub(r'"signature":"[^"]*"', '"signature":"' + base64.b64encode(s).decode() + '"', l)
def digest_of(l): return json.loads(l)['digest']
edits = {}
def edit(k, f):
    i = rows[10 * (len(edits) + 1)]; lines[i] = f(lines[i]); edits[k] = i + 1
def flip(l):
    v = l.split('"signature":"')[1]
    return l.replace('"signature":"' + v[0], '"signature":"' + ('B' if v[0] == 'A' else 'A'), 1)
edit('signature base64 char changed', flip)
edit('signature of the next row', lambda l: with_sig(l, sig_of(lines[rows[10 * len(edits) + 2]])))
edit('signature + one zero byte (65 bytes)', lambda l: with_sig(l, sig_of(l) + b'\0'))
edit('signature + two zero bytes', lambda l: with_sig(l, sig_of(l) + b'\0\0'))
edit('signature truncated to 63 bytes', lambda l: with_sig(l, sig_of(l)[:63]))
edit('S + L (non-canonical scalar)', lambda l: with_sig(l, sig_of(l)[:32] + (int.from_bytes(sig_of(l)[32:], 'little') + L).to_bytes(32, 'little')))
edit('signature removed', lambda l: re.sub(r',"signature":"[^"]*"', '', l))
edit('amount edited, digest not', lambda l: l.replace('"employer":"', '"employer":"9', 1))
def forged(l):
    l2 = l.replace('"employer":"', '"employer":"9', 1)
    dg = hashlib.sha256((hdigest + '\n' + content(l2)).encode('utf-8')).hexdigest()
    return l2.replace(digest_of(l), dg)
edit('amount edited, digest recomputed (no key)', forged)
def crafted(l, T):
    dg = digest_of(l).encode('ascii')
    r = int.from_bytes(hashlib.sha512(b'crafted' + dg).digest(), 'little') % L
    R = enc(add(mul(B, r), T))
    k = int.from_bytes(hashlib.sha512(R + A + dg).digest(), 'little') % L
    return with_sig(l, R + ((r + k * a) % L).to_bytes(32, 'little'))
edit('crafted by the key holder: R = [r]B + T8 (valid cofactored only)', lambda l: crafted(l, T8))
edit('crafted by the key holder: R = [r]B, random r (valid)', lambda l: crafted(l, (0, 1)))
def neutral(l):
    dg = digest_of(l).encode('ascii'); R = enc((0, 1))
    k = int.from_bytes(hashlib.sha512(R + A + dg).digest(), 'little') % L
    return with_sig(l, R + (k * a % L).to_bytes(32, 'little'))
edit('crafted: R = neutral point, S = k*a (valid for the JDK)', neutral)
open(dst, 'w', encoding='utf-8').write('\n'.join(lines))
for k, v in edits.items(): print(f"line {v}: {k}")
