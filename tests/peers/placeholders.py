#!/usr/bin/env python3
"""Marks the peers' true-positive samples that are hand-written placeholders.

Writes `placeholder_why` ("<criterion>: <what was seen>") on every `kind: tp` record of
vectors.json that meets one of the criteria below, and removes it from every other record;
nothing else in the file changes (same key order, same layout). The criteria look at the
sample alone: they are written in tests/peers/README.md, were fixed before the figures
were taken, and never ask what mcplint reports. Deterministic; python3 standard library
only. Run from anywhere:

    python3 tests/peers/placeholders.py          # rewrite vectors.json, print the counts
    python3 tests/peers/placeholders.py --check  # exit 1 if vectors.json is not up to date
"""

import base64
import binascii
import json
import pathlib
import re
import sys
from collections import Counter

VECTORS = pathlib.Path(__file__).with_name("vectors.json")

# Criteria, in the order they are tried; the first one met is the one written.
ORDER = (
    "documentation-example",
    "marker-word",
    "repeated-run",
    "few-distinct",
    "sequence",
    "sentence",
    "template-credential",
    "hexspeak",
)

# Bodies of credentials that vendors and standards publish as examples, matched anywhere
# in the sample or in its decoded text.
DOCUMENTATION_EXAMPLES = {
    # AWS's example access key id AKIAIOSFODNN7EXAMPLE and secret key
    # wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY:
    # https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
    "IOSFODNN7": "AWS's example access key id (AKIAIOSFODNN7EXAMPLE)",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCY": "AWS's example secret access key",
    # RFC 7519 section 3.1 (the example JWT, signed with the key of RFC 7515 appendix A.1):
    # https://www.rfc-editor.org/rfc/rfc7519#section-3.1
    "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk": "RFC 7519's example JWT signature",
    # jwt.io's default token (its debugger opens on it): https://jwt.io/
    "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c": "jwt.io's example JWT signature",
}

# Written inside a value only by someone filling a slot by hand; matched case-insensitively
# anywhere in the part of the value that carries the credential.
MARKERS = ("example", "xxxx", "dummy", "sample", "placeholder", "fake", "changeme", "redacted")
# Matched as a whole word (not between two letters). Not `test`: it is part of real
# formats (Stripe's `sk_test_` test-mode keys are credentials).
WORD_MARKERS = ("your",)

# Generic passwords of a URL's user:password part.
TEMPLATE_PASSWORDS = {"pass", "password", "passwd", "pwd", "secret", "changeme"}
TEMPLATE_SHAPES = re.compile(r"^(\{.*\}|<.*>|\$\{.*\}|\$[A-Z_]+|%.*%|\[.*\])$")

# Well-known hexspeak words (https://en.wikipedia.org/wiki/Hexspeak), matched as a whole
# hexadecimal group of the value.
HEXSPEAK = {
    "deadbeef", "cafebabe", "cafed00d", "baadf00d", "8badf00d", "deadc0de", "deadfa11",
    "defec8ed", "feedface", "facefeed", "feedc0de", "c0ffee", "decafbad", "d15ea5e",
    "dead10cc", "abad1dea", "1badb002", "badc0de", "badcafe", "0d15ea5e", "faceb00c",
}

RUN = 6  # identical characters in a row
SEQ = 6  # characters following each other in the alphabet or the digits
FEW = 8  # shortest longest-group judged by its distinct characters


def credential_part(value):
    """The part of a value that carries the credential: a URL without its scheme and host,
    a PEM block's body without its armour and surroundings."""
    m = re.match(r"^[a-z][a-z0-9+.-]*://([^/?#]*)(.*)$", value, re.S)
    if m:
        authority, rest = m.groups()
        userinfo = authority.rpartition("@")[0]
        return f"{userinfo} {rest}".strip()
    body = pem_body(value)
    return value if body is None else body


def pem_body(value):
    m = re.search(
        r"-----BEGIN [A-Z0-9 ]*-----\s*(.*?)\s*(?:-+END [A-Z0-9 ]*-+|$)", value, re.S
    )
    return m.group(1) if m else None


def fixed_prefix(record):
    """The part of the sample that the provider's format fixes: the record's
    `format_prefix`, or the literal characters its `generator_regex` starts with
    (`A{22}` is 22 `A`)."""
    sample = record["sample"]
    prefix = record.get("format_prefix")
    if prefix and sample.startswith(prefix):
        return prefix
    regexes = record.get("generator_regex") or []
    prefix = ""
    if regexes:
        for m in re.finditer(r"\\?([A-Za-z0-9_.-])(\{(\d+)\})?|(.)", regexes[0], re.S):
            if m.group(4) is not None:
                break
            follows = regexes[0][m.end() : m.end() + 1]
            if follows in ("?", "*", "+") or (follows == "{" and not m.group(2)):
                break
            prefix += m.group(1) * int(m.group(3) or 1)
    return prefix if sample.startswith(prefix) else ""


def printable(text):
    return all(c.isprintable() or c in "\r\n\t" for c in text)


def b64decode(piece):
    for alphabet in (None, b"-_"):
        data = piece.rstrip("=")
        data += "=" * (-len(data) % 4)
        try:
            raw = base64.b64decode(data, altchars=alphabet, validate=True)
            return raw.decode("utf-8")
        except (binascii.Error, ValueError, UnicodeDecodeError):
            continue
    return None


def decoded_texts(text, depth=2):
    """Readable texts that base64 pieces of `text` decode to (the parts of a JWT, base64 of
    a sentence, base64 of a JWT), each whole."""
    if depth == 0:
        return []
    out = []
    seen = set()
    for piece in re.split(r"[^A-Za-z0-9+/=_-]+|\.", text):
        starts = [0] + [i + 1 for i, c in enumerate(piece) if c in "_-"]
        for s in starts:
            cand = piece[s:]
            if len(cand) < 8 or cand in seen:
                continue
            seen.add(cand)
            dec = b64decode(cand)
            if dec is None or not dec.strip() or not printable(dec):
                continue
            out.append(dec)
            out.extend(decoded_texts(dec, depth - 1))
            break  # the longest decodable suffix of a piece is enough
    return out


def sequence(text):
    """A run of SEQ characters that follow each other (ascending or descending) in the
    digits or in the alphabet, case ignored; a letter repeated in the other case right
    after itself (`aAbB`) counts once."""
    for group in re.findall(r"[A-Za-z0-9]+", text):
        chars = []
        for c in group:
            if chars and c != chars[-1] and c.lower() == chars[-1].lower():
                continue
            chars.append(c)
        for step in (1, -1):
            start = 0
            for i in range(1, len(chars) + 1):
                ok = (
                    i < len(chars)
                    and chars[i].isdigit() == chars[i - 1].isdigit()
                    and ord(chars[i].lower()) - ord(chars[i - 1].lower()) == step
                )
                if not ok:
                    if i - start >= SEQ:
                        return "".join(chars[start:i])
                    start = i
    return None


def criteria(record):
    """Every criterion the sample meets, as (criterion, detail), in ORDER."""
    value = record["sample"]
    part = credential_part(value)
    prefix = fixed_prefix(record)
    random = part[len(prefix) :] if part.startswith(prefix) else part
    decoded = decoded_texts(value)
    found = {}

    for body, why in DOCUMENTATION_EXAMPLES.items():
        if any(body in t for t in [value] + decoded):
            found.setdefault("documentation-example", why)

    low = part.lower()
    for m in MARKERS:
        if m in low:
            found.setdefault("marker-word", f"`{m}` in the value")
    for m in WORD_MARKERS:
        if re.search(rf"(?<![a-z]){m}(?![a-z])", low):
            found.setdefault("marker-word", f"the word `{m}` in the value")

    m = re.search(r"([A-Za-z0-9])\1{%d,}" % (RUN - 1), random)
    if m:
        found.setdefault("repeated-run", f"`{m.group(1)}` {len(m.group(0))} times in a row")
    groups = re.findall(r"[A-Za-z0-9]+", random)
    longest = max(groups, key=len, default="")
    if len(longest) >= FEW and len(set(longest)) <= 2:
        found.setdefault(
            "few-distinct",
            f"its longest group, {len(longest)} characters, has {len(set(longest))} distinct",
        )
    s = sequence(random)
    if s:
        found.setdefault("sequence", f"`{s}`")

    for t, where in [(part, "")] + [(t, " (decoded from base64)") for t in decoded]:
        if re.fullmatch(r"[A-Za-z]+(?: [A-Za-z]+){2,}[.!?]?", t.strip()):
            found.setdefault("sentence", f"{len(t.split())} words{where}")

    m = re.match(r"^[a-z][a-z0-9+.-]*://([^/?#@\s]*)@", value)
    if m and ":" in m.group(1):
        user, _, password = m.group(1).partition(":")
        if (
            password.lower() in TEMPLATE_PASSWORDS
            or TEMPLATE_SHAPES.match(password)
            or password == user
        ):
            found.setdefault("template-credential", f"the password is `{password}`")

    for g in re.findall(r"[0-9A-Fa-f]+", part):
        if g.lower() in HEXSPEAK:
            found.setdefault("hexspeak", f"`{g}`")

    return [(c, found[c]) for c in ORDER if c in found]


def annotate(records):
    counts = Counter()
    also = Counter()
    synthetic = []
    for r in records:
        r.pop("placeholder_why", None)
        if r["kind"] != "tp":
            continue
        met = criteria(r)
        if not met:
            continue
        name, detail = met[0]
        r["placeholder_why"] = f"{name}: {detail}"
        counts[name] += 1
        for other, _ in met[1:]:
            also[other] += 1
        if r.get("synthetic"):
            synthetic.append(r)
    return counts, also, synthetic


def main():
    text = VECTORS.read_text(encoding="utf-8")
    records = json.loads(text)
    counts, also, synthetic = annotate(records)
    out = json.dumps(records, indent=1, ensure_ascii=False)
    tp = sum(r["kind"] == "tp" for r in records)
    print(f"{sum(counts.values())} of {tp} true positives are placeholders")
    for name in ORDER:
        print(f"  {name}: {counts[name]} (also met by {also[name]} marked by an earlier one)")
    for r in synthetic:
        print(f"  generated sample marked: {r['rule']}: {r['placeholder_why']}")
    if "--check" in sys.argv[1:]:
        if out != text:
            sys.exit("vectors.json is not up to date: run python3 tests/peers/placeholders.py")
        return
    VECTORS.write_text(out, encoding="utf-8")


if __name__ == "__main__":
    main()
