"""Interoperability cases for our HPKE suite against pyca/cryptography's HPKE (Rust, OpenSSL-backed).

  python3 hpke-interop-pyca.py generate > hpke-interop-pyca.json   # pyca seals: the "theirs" cases
  python3 hpke-interop-pyca.py verify hpke-interop-pyca.json       # pyca opens our "ours" cases

See README.md in this folder for how the "ours" ciphertexts were filled in.
"""
import json, os, sys
from cryptography.hazmat.bindings._rust import openssl as rust
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)
LENGTHS = [0, 1, 15, 16, 17, 31, 32, 64, 100, 255, 256, 1000, 4096, 33, 7, 2]

def case(n):
    sk = X25519PrivateKey.generate()
    info, aad, pt = os.urandom(n % 40), os.urandom((n * 7) % 50), os.urandom(n)
    sealed = rust.hpke._encrypt_with_aad(SUITE, pt, sk.public_key(), info=info, aad=aad)
    return {"skR": sk.private_bytes_raw().hex(), "pkR": sk.public_key().public_bytes_raw().hex(),
            "info": info.hex(), "aad": aad.hex(), "pt": pt.hex(), "enc": sealed[:32].hex(), "ct": sealed[32:].hex()}

if sys.argv[1] == "generate":
    import cryptography
    out = {"source": f"pyca/cryptography {cryptography.__version__} HPKE, suite X25519 / HKDF-SHA256 / ChaCha20Poly1305, mode_base, single-shot",
           "theirs": [case(n) for n in LENGTHS],
           "ours": [dict(case(n), ikmE=os.urandom(32).hex(), enc=None, ct=None) for n in LENGTHS]}
    print(json.dumps(out, indent=1))
else:
    data = json.load(open(sys.argv[2]))
    for c in data["ours"]:
        sk = X25519PrivateKey.from_private_bytes(bytes.fromhex(c["skR"]))
        pt = rust.hpke._decrypt_with_aad(SUITE, bytes.fromhex(c["enc"] + c["ct"]), sk,
                                         info=bytes.fromhex(c["info"]), aad=bytes.fromhex(c["aad"]))
        assert pt.hex() == c["pt"], c
    print(f"pyca opened all {len(data['ours'])} of ours")
