"""
Independent check of the golden envelope in envelope-golden.test.ts (format v2, suite x25519 named in the
address and the signed header): RFC 9180 base mode
(DHKEM X25519, HKDF-SHA256, ChaCha20Poly1305) written out over Python `cryptography` primitives, which
has no HPKE with associated data of its own. Opens the envelope with bob's fixed key, checks the clear
address, and verifies alice's Ed25519 signature over the documented signed bytes.

    python3 tests/sharing/envelope/check-golden-envelope.py golden.txt   # the GOLDEN text, joined
"""
import base64, hashlib, hmac, json, struct, sys
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

def lp(fields):
    out = b''
    for f in fields:
        b = f.encode() if isinstance(f, str) else f
        out += struct.pack('>I', len(b)) + b
    return out

def extract(salt, ikm): return hmac.new(salt or b'\0' * 32, ikm, hashlib.sha256).digest()
def expand(prk, info, n):
    out, t, i = b'', b'', 1
    while len(out) < n:
        t = hmac.new(prk, t + info + bytes([i]), hashlib.sha256).digest(); out += t; i += 1
    return out[:n]

KEM = b'KEM' + (0x20).to_bytes(2, 'big')
HPKE = b'HPKE' + (0x20).to_bytes(2, 'big') + (1).to_bytes(2, 'big') + (3).to_bytes(2, 'big')
def lext(sid, salt, label, ikm): return extract(salt, b'HPKE-v1' + sid + label + ikm)
def lexp(sid, prk, label, info, n): return expand(prk, n.to_bytes(2, 'big') + b'HPKE-v1' + sid + label + info, n)

text = open(sys.argv[1]).read()
env = json.loads(text)
bob_sk = X25519PrivateKey.from_private_bytes(bytes([0x33]) * 32)
bob_pk = bob_sk.public_key().public_bytes_raw()
alice_enc = X25519PrivateKey.from_private_bytes(bytes([0x11]) * 32).public_key().public_bytes_raw()
alice_sig = Ed25519PrivateKey.from_private_bytes(bytes([0x22]) * 32).public_key()
bob_sig = Ed25519PrivateKey.from_private_bytes(bytes([0x44]) * 32).public_key().public_bytes_raw()
fp = lambda e, s: hashlib.sha256(lp(['sealpass/v1/key-fingerprint', e, s])).digest()
alice_fp = fp(alice_enc, alice_sig.public_bytes_raw()); bob_fp = fp(bob_pk, bob_sig)
a = env['address']
assert env['v'] == 2 and set(env) == {'v', 'address', 'enc', 'ct'}
assert a == {'sender': {'handle': 'alice', 'fingerprint': base64.b64encode(alice_fp).decode()}, 'recipient': {'fingerprint': base64.b64encode(bob_fp).decode()}, 'suite': 'x25519'}

enc = base64.b64decode(env['enc']); ct = base64.b64decode(env['ct'])
dh = bob_sk.exchange(X25519PublicKey.from_public_bytes(enc))
shared = lexp(KEM, lext(KEM, b'', b'eae_prk', dh), b'shared_secret', enc + bob_pk, 32)
ksc = b'\0' + lext(HPKE, b'', b'psk_id_hash', b'') + lext(HPKE, b'', b'info_hash', b'sealpass/v2/envelope')
secret = lext(HPKE, shared, b'secret', b'')
key = lexp(HPKE, secret, b'key', ksc, 32); nonce = lexp(HPKE, secret, b'base_nonce', ksc, 12)
aad = lp(['sealpass/v2/envelope-address', '2', a['suite'], a['sender']['handle'], a['sender']['fingerprint'], a['recipient']['fingerprint']])
plain = ChaCha20Poly1305(key).decrypt(nonce, ct, aad)

sig, n = plain[:64], struct.unpack('>I', plain[64:68])[0]
sealed = json.loads(plain[68:68 + n]); body = plain[68 + n:]
h = {**sealed}
header = lp(['sealpass/v2/envelope-header', '2', a['suite'], h['kind'], a['sender']['handle'], a['sender']['fingerprint'], a['recipient']['fingerprint'],
             h['shareId'], h['itemId'], str(h['version']), str(h['created']), str(h['expiresAt']) if 'expiresAt' in h else ''])
alice_sig.verify(sig, lp(['sealpass/v1/envelope-signature', header, bob_fp, hashlib.sha256(body).digest()]))
print('opened and verified:', sealed, json.loads(body)['kind'])
