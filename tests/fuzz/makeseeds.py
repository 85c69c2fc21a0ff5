#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora, tests/fuzz/corpus/<name>/, from the inputs listed here: small
meaningful inputs, one file each, named for what they are. The signed tokens need the harness's
secret (accesstokens_fuzzer.cpp), so the seeds are made by this script rather than by hand; run it
again after changing a seed here (it rewrites the corpus folders it knows; regressions/ is never
touched):

    python3 tests/fuzz/makeseeds.py
"""
import base64
import hashlib
import hmac
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))

# --- requestreader: what a client sends on one connection -------------------------------------


def head(*lines):
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def post(target, body, *extra):
    body = body.encode() if isinstance(body, str) else body
    return head(f"POST {target} HTTP/1.1", "Host: localhost:8080",
                "Content-Type: application/json", f"Content-Length: {len(body)}", *extra) + body


GET = head("GET /api/queues HTTP/1.1", "Host: localhost:8080", "Accept: application/json")
TOKEN = post("/api/tokens", '{"service_id":3}')
UPGRADE = head("GET /ws HTTP/1.1", "Host: localhost:8080", "Upgrade: websocket",
               "Connection: Upgrade", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
               "Sec-WebSocket-Version: 13")
MASKED_HELLO = bytes([0x81, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58])

REQUESTREADER = {
    "get": GET,
    "post_token": TOKEN,
    "pipelined": GET + TOKEN + head("GET /api/tokens/1 HTTP/1.1", "Host: localhost"),
    "pipelined_then_malformed": GET + TOKEN + b"GET / HTTP/1.1\nHost: a\n\n",
    "http10_without_host": head("GET /health HTTP/1.0"),
    "empty_lines_before_request": b"\r\n\r\n" + GET,
    "connection_close_then_more": head("GET / HTTP/1.1", "Host: a", "Connection: close") + GET,
    "keep_alive_list": head("GET / HTTP/1.1", "Host: a", "Connection: keep-alive, close"),
    "websocket_upgrade_then_frame": UPGRADE + MASKED_HELLO,
    "partial_head": b"GET /api/queues HTTP/1.1\r\nHost: local",
    "partial_body": post("/api/tokens", '{"service_id":3}')[:-5],
    "cr_at_end": b"GET / HTTP/1.1\r",
    "header_value_obs_text": head("GET / HTTP/1.1", "Host: a", "X-Name: caf\u00e9\t "),
    "content_length_leading_zeros": post("/api/tokens", "{}").replace(b"Content-Length: 2", b"Content-Length: 0002"),
    # each refusal
    "refuse_400_bare_lf": b"GET / HTTP/1.1\nHost: a\n\n",
    "refuse_400_cr_without_lf": b"GET / HTTP/1.1\rHost: a\r\n\r\n",
    "refuse_400_version_malformed": head("GET / HTTP/1.x", "Host: a"),
    "refuse_505_version": head("GET / HTTP/9.9", "Host: a"),
    "refuse_505_http2": head("GET / HTTP/2.0", "Host: a"),
    "refuse_400_two_spaces": head("GET  / HTTP/1.1", "Host: a"),
    "refuse_400_target_control": head("GET /a\x01b HTTP/1.1", "Host: a"),
    "refuse_400_method_not_token": head("G(T / HTTP/1.1", "Host: a"),
    "refuse_400_header_without_colon": head("GET / HTTP/1.1", "Host: a", "X-Broken"),
    "refuse_400_space_before_colon": head("GET / HTTP/1.1", "Host : a"),
    "refuse_400_obs_fold": head("GET / HTTP/1.1", "Host: a", "X-Long: one", " two"),
    "refuse_400_nul_in_header": head("GET / HTTP/1.1", "Host: a", "X-Nul: a\x00b"),
    "refuse_400_control_in_header": head("GET / HTTP/1.1", "Host: a", "X-Bell: \x07"),
    "refuse_400_content_length_plus": post("/api/tokens", '{"service_id":3}').replace(
        b"Content-Length: 16", b"Content-Length: +16"),
    "refuse_400_content_length_twice": head("POST /api/tokens HTTP/1.1", "Host: a",
                                            "Content-Length: 2", "Content-Length: 2") + b"{}",
    "refuse_400_content_length_list": head("POST /api/tokens HTTP/1.1", "Host: a",
                                           "Content-Length: 2, 2") + b"{}",
    "refuse_400_te_with_content_length": head("POST /api/tokens HTTP/1.1", "Host: a",
                                              "Transfer-Encoding: chunked", "Content-Length: 2"),
    "refuse_400_no_host": head("GET / HTTP/1.1"),
    "refuse_400_two_hosts": head("GET / HTTP/1.1", "Host: a", "Host: b"),
    "refuse_411_chunked": head("POST /api/tokens HTTP/1.1", "Host: a",
                               "Transfer-Encoding: chunked") + b"2\r\n{}\r\n0\r\n\r\n",
    "refuse_501_gzip": head("POST /api/tokens HTTP/1.1", "Host: a", "Transfer-Encoding: gzip"),
    "refuse_413_body": head("POST /api/tokens HTTP/1.1", "Host: a", "Content-Length: 70000"),
    "refuse_413_body_small_limit": post("/api/tokens", '{"service_id":3,"customer_info":"Ana Maria"}'),
    "refuse_413_huge_length": head("POST / HTTP/1.1", "Host: a", "Content-Length: 99999999999999999999"),
    "refuse_431_small_limit": head("GET / HTTP/1.1", "Host: a", "Cookie: " + "c" * 300),
}

# --- websocketframes: what a client sends after its upgrade ------------------------------------


def frame(opcode, payload, mask=b"\x37\xfa\x21\x3d", fin=True):
    payload = payload.encode() if isinstance(payload, str) else payload
    first = bytes([(0x80 if fin else 0) | opcode])
    n = len(payload)
    mbit = 0x80 if mask is not None else 0
    if n < 126:
        length = bytes([mbit | n])
    elif n < 65536:
        length = bytes([mbit | 126]) + n.to_bytes(2, "big")
    else:
        length = bytes([mbit | 127]) + n.to_bytes(8, "big")
    if mask is None:
        return first + length + payload
    return first + length + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


SUBSCRIBE = '{"type":"subscribe","rooms":["global","branch:1","service:3"]}'
WEBSOCKETFRAMES = {
    "masked_hello": MASKED_HELLO,
    "masked_subscribe": frame(1, SUBSCRIBE),
    "masked_auth_then_ping": frame(1, '{"type":"auth","token":"x.y.z"}') + frame(9, b""),
    "masked_fragments": frame(1, "Hel", fin=False) + frame(0, "lo"),
    "masked_close_1000": frame(8, b"\x03\xe8bye"),
    "masked_empty": frame(1, b""),
    "masked_binary_126": frame(2, bytes(range(256)) * 2),
    "masked_127_partial_payload": bytes([0x82, 0xFF]) + (70000).to_bytes(8, "big") + b"\x01\x02\x03\x04" + b"\x00" * 40,
    "masked_huge_length": bytes([0x82, 0xFF]) + b"\xff" * 8 + b"\x01\x02\x03\x04abc",
    "partial_header": bytes([0x81, 0xFE, 0x01]),
    "unmasked_text": frame(1, "Hello", mask=None),
    "masked_then_unmasked": frame(1, SUBSCRIBE) + frame(1, '{"type":"ping"}', mask=None),
    "unmasked_close": frame(8, b"\x03\xe8", mask=None),
    "unmasked_126": frame(2, b"x" * 200, mask=None),
}

# --- requestbody: a query string, a newline, a JSON body ----------------------------------------


def body(query, payload):
    payload = payload if isinstance(payload, (str, bytes)) else json.dumps(payload)
    payload = payload.encode() if isinstance(payload, str) else payload
    return query.encode() + b"\n" + payload


REQUESTBODY = {
    "token_create": body("", {"service_id": 3}),
    "token_create_full": body("", {"service_id": 3, "customer_info": {"name": "Ana", "phone": "+34 600"},
                                   "priority": 2, "preferred_slot": "2026-11-25T14:30:00Z"}),
    "token_cancel_secret": body("secret=abc123", {"reason": "Changed my mind"}),
    "login": body("", {"username": "admin", "password": "admin-password"}),
    "register": body("", {"username": "ana", "password": "pw", "full_name": "Ana P\u00e9rez \u0639\u0644\u064a"}),
    "user_update": body("", {"role": "operator", "full_name": "Op One", "active": True}),
    "service_create": body("", {"branch_id": 1, "name": "Deposits", "code": "D",
                                "avg_service_seconds": 300, "target_wait_seconds": 900, "active": True}),
    "counter_create": body("", {"branch_id": 1, "name": "Counter 1", "service_ids": [1, 2, 2]}),
    "counter_transfer": body("", {"service_id": 2, "counter_id": 4, "reason": "Wrong desk"}),
    "branch_booking": body("", {"opening_hours": {"mon": [["09:00", "12:30"], ["13:30", "17:00"]], "sat": [],
                                                  "sun": [["10:00", "24:00"]]},
                                "closed_dates": ["2026-12-25", {"date": "2026-12-26", "reason": "Boxing day"}],
                                "booking_horizon_days": 30, "checkin_early_minutes": 30}),
    "service_booking": body("", {"slot_minutes": 15, "slot_capacity": None}),
    "history_query": body("from=2026-01-01&to=2026-01-31T18:00:00Z&service_id=3&counter_id=2&status=waiting"
                          "&number=D007&page=2&page_size=50", ""),
    "history_query_bad": body("from=yesterday&service_id=-1&page_size=500&number=%%%", ""),
    "empty_body": body("", ""),
    "whitespace_body": body("", " \r\n\t "),
    "array_body": body("", [1, "two", {"three": 3}]),
    "malformed_json": body("", '{"service_id":3,'),
    "numbers_edge": body("", '{"service_id":1e400,"priority":-0,"counter_id":9007199254740993,'
                             '"token_id":9223372036854775808,"branch_id":2147483647.5}'),
    "escapes": body("", r'{"name":"\"quoted\\ \/ \b\f\n\r\t \u00e9 \ud83d\ude00","reason":"\u001f"}'),
    "nested_deep": body("", '{"customer_info":' + '{"a":[' * 40 + "1" + "]}" * 40 + "}"),
    # each NUL and control-character case RequestScreen refuses
    "nul_escaped": body("", r'{"username":"a\u0000b","password":"x"}'),
    "nul_escaped_nested": body("", r'{"customer_info":{"notes":["ok","a\u0000"]},"service_id":3}'),
    "nul_escaped_key": body("", r'{"a\u0000":1,"service_id":3}'),
    "nul_escaped_array": body("", r'["\u0000"]'),
    "nul_raw_in_string": body("", b'{"username":"a\x00b","password":"x"}'),
    "nul_raw_outside": body("", b'{"service_id":3}\x00'),
    "control_raw_in_string": body("", b'{"reason":"tab\there"}'),
    "nul_in_query": body("reason=a%00b&service_id=3", {"service_id": 3}),
    "nul_in_query_name": body("a%00=1", ""),
    "backslash_before_quote": body("", r'{"reason":"a\\","name":"\u0000"}'),
}

# --- accesstokens: tokens and claims --------------------------------------------------------------

SECRET = b"nextup-fuzz-secret-0123456789abcdef-0123456789abcdef"  # accesstokens_fuzzer.cpp
NOW = 1893456000  # 2030-01-01T00:00:00Z, the harness's clock


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=")


def token(claims, header=b'{"alg":"HS256","typ":"JWT"}', secret=SECRET):
    payload = claims if isinstance(claims, bytes) else json.dumps(claims, separators=(",", ":")).encode()
    signing_input = b64(header) + b"." + b64(payload)
    return signing_input + b"." + b64(hmac.new(secret, signing_input, hashlib.sha256).digest())


CLAIMS = {"sub": "7", "role": "operator", "name": "Olga", "iss": "nextup", "aud": "nextup-api",
          "iat": NOW - 3600, "exp": NOW + 3600}
VALID = token(CLAIMS)
ACCESSTOKENS = {
    "valid_operator": VALID,
    "valid_admin_unicode_name": token(dict(CLAIMS, sub="1", role="admin", name="\u0639\u0644\u064a \u00e9")),
    "valid_audience_list": token(dict(CLAIMS, aud=["other", "nextup-api"])),
    "valid_in_leeway": token(dict(CLAIMS, exp=NOW - 10)),
    "bearer_valid": b"Bearer " + VALID,
    "bearer_lowercase": b"bearer " + VALID,
    "expired": token(dict(CLAIMS, exp=NOW - 31)),
    "not_yet_valid": token(dict(CLAIMS, nbf=NOW + 3600)),
    "wrong_issuer": token(dict(CLAIMS, iss="someone")),
    "wrong_audience": token(dict(CLAIMS, aud="other")),
    "bad_role": token(dict(CLAIMS, role="root")),
    "bad_subject": token(dict(CLAIMS, sub="0")),
    "numeric_subject": token(dict(CLAIMS, sub=7)),
    "exp_as_string": token(dict(CLAIMS, exp=str(NOW + 3600))),
    "payload_not_json": token(b"not json"),
    "alg_none": b64(b'{"alg":"none","typ":"JWT"}') + b"." + b64(json.dumps(CLAIMS).encode()) + b".",
    "alg_hs512": token(CLAIMS, header=b'{"alg":"HS512","typ":"JWT"}'),
    "crit_header": token(CLAIMS, header=b'{"alg":"HS256","crit":["exp"]}'),
    "other_secret": token(CLAIMS, secret=b"another secret"),
    "tampered_payload": VALID.replace(b"." + b64(json.dumps(CLAIMS, separators=(",", ":")).encode()),
                                      b"." + b64(json.dumps(dict(CLAIMS, role="admin"), separators=(",", ":")).encode())),
    "padded_segments": VALID + b"==",
    "four_segments": VALID + b".x",
    "empty": b"",
    # payloads: the harness also signs its input as the payload of a token
    "claims_operator": json.dumps(CLAIMS).encode(),
    "claims_nbf": json.dumps(dict(CLAIMS, nbf=NOW - 60)).encode(),
    "claims_far_exp": b'{"sub":"2","role":"kiosk","iss":"nextup","aud":"nextup-api","exp":4102444800}',
    "claims_minimal": b'{"exp":1893459600}',
}


def write(name, seeds):
    folder = os.path.join(HERE, "corpus", name)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for seed, data in seeds.items():
        with open(os.path.join(folder, seed), "wb") as f:
            f.write(data)
    print(f"{folder}: {len(seeds)} seeds")


write("requestreader", REQUESTREADER)
write("websocketframes", WEBSOCKETFRAMES)
write("requestbody", REQUESTBODY)
write("accesstokens", ACCESSTOKENS)
