"""SkillEx's SigV4 signer against botocore's, request by request, plus AWS's get-vanilla vector."""
import hashlib
import json
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest
from botocore.auth import S3SigV4Auth, S3SigV4QueryAuth, SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from conftest import skillex_bin

AMZ_DATE = "20150830T123600Z"
KEY = "AKIDEXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
EMPTY = hashlib.sha256(b"").hexdigest()

# (name, auth class, service, method, decoded path, query pairs, extra headers, body)
CASES = [
    ("get-vanilla", SigV4Auth, "service", "GET", "/", [], {}, b""),
    ("get-vanilla-query-order-key-case", SigV4Auth, "service", "GET", "/",
     [("Param2", "value2"), ("Param1", "value1")], {}, b""),
    ("get-vanilla-query-unreserved", SigV4Auth, "service", "GET", "/",
     [("-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
       "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")], {}, b""),
    ("get-header-value-trim", SigV4Auth, "service", "GET", "/", [], {"My-Header1": " value1", "My-Header2": ' "a   b   c"'}, b""),
    ("post-vanilla", SigV4Auth, "service", "POST", "/", [], {}, b""),
    ("post-header-key-sort", SigV4Auth, "service", "POST", "/", [], {"My-Header1": "value1"}, b""),
    ("post-x-www-form-urlencoded", SigV4Auth, "service", "POST", "/", [],
     {"Content-Type": "application/x-www-form-urlencoded"}, b"Param1=value1"),
    ("s3-get-utf8", S3SigV4Auth, "s3", "GET", "/bucket/\u1234", [], {}, b""),
    ("s3-get-space", S3SigV4Auth, "s3", "GET", "/bucket/example space/file name.zip", [], {}, b""),
    ("s3-put-unicode-key", S3SigV4Auth, "s3", "PUT", "/bucket/skills/caf\u00e9/p\u00e2te+1.zip", [],
     {"Content-Type": "application/zip", "x-amz-meta-sha256": "ab" * 32}, b"hello pack"),
    ("s3-list-query", S3SigV4Auth, "s3", "GET", "/bucket",
     [("list-type", "2"), ("prefix", "hub/a b"), ("continuation-token", "1/2+3=")], {}, b""),
    ("s3-put-session-token", S3SigV4Auth, "s3", "PUT", "/bucket/index.json", [], {"Content-Type": "application/json"}, b"{}"),
]


def botocore_sign(auth_cls, service, method, path, query, headers, body, token=None):
    url = "https://example.amazonaws.com" + quote(path, safe="/~")
    if query:
        url += "?" + "&".join(f"{quote(k, safe='-_.~')}={quote(v, safe='-_.~')}" for k, v in query)
    request = AWSRequest(method=method, url=url, headers=dict(headers), data=body)
    auth = auth_cls(Credentials(KEY, SECRET, token), service, "us-east-1")
    request.context["timestamp"] = AMZ_DATE
    auth._modify_request_before_signing(request)
    canonical = auth.canonical_request(request)
    to_sign = auth.string_to_sign(request, canonical)
    return canonical, auth.signature(to_sign, request), dict(request.headers)


def run_skillex(payload):
    # The signer runs in `skillex-sigv4-probe`, a test-only executable built beside `skillex`.
    probe = Path(skillex_bin()).parent / "skillex-sigv4-probe"
    out = subprocess.run([probe], input=json.dumps(payload), capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_signature_matches_botocore(case):
    name, auth_cls, service, method, path, query, headers, body = case
    token = "session-token/with+chars=" if "session" in name else None
    canonical, signature, signed_headers = botocore_sign(auth_cls, service, method, path, query, headers, body, token)
    ours_headers = {k: v for k, v in signed_headers.items()}
    ours_headers["host"] = "example.amazonaws.com"
    payload_hash = hashlib.sha256(body).hexdigest()
    result = run_skillex({
        "access_key": KEY, "secret_key": SECRET, "session_token": token, "region": "us-east-1",
        "service": service, "amz_date": AMZ_DATE,
        "requests": [{"method": method, "path": path, "query": [list(q) for q in query],
                      "headers": ours_headers, "payload_hash": payload_hash}],
    })["requests"][0]
    assert result["canonical_request"] == canonical
    assert result["signature"] == signature


def test_get_vanilla_matches_aws_published_signature():
    result = run_skillex({
        "access_key": KEY, "secret_key": SECRET, "region": "us-east-1", "service": "service", "amz_date": AMZ_DATE,
        "requests": [{"method": "GET", "path": "/", "headers": {"Host": "example.amazonaws.com", "X-Amz-Date": AMZ_DATE},
                      "payload_hash": EMPTY}],
    })["requests"][0]
    assert result["signature"] == "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
    assert result["authorization"] == (
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
        "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")


def test_presigned_get_matches_botocore():
    path = "/bucket/skills-pack-1.2.0.zip"
    url = "https://example.amazonaws.com" + quote(path, safe="/~")
    request = AWSRequest(method="GET", url=url, headers={})
    auth = S3SigV4QueryAuth(Credentials(KEY, SECRET), "s3", "us-east-1", expires=3600)
    request.context["timestamp"] = AMZ_DATE
    auth._modify_request_before_signing(request)
    canonical = auth.canonical_request(request)
    expected = auth.signature(auth.string_to_sign(request, canonical), request)
    result = run_skillex({"access_key": KEY, "secret_key": SECRET, "region": "us-east-1", "service": "s3",
                          "amz_date": AMZ_DATE,
                          "presign": [{"host": "example.amazonaws.com", "path": path, "expires": 3600}]})
    query = dict(part.split("=", 1) for part in result["presign"][0].split("&"))
    assert query["X-Amz-Signature"] == expected
    assert query["X-Amz-Expires"] == "3600"
    assert query["X-Amz-SignedHeaders"] == "host"
