//! Validators that tell real tokens from look-alikes.

use data_encoding::BASE64URL_NOPAD;

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// `n` in base 62, left-padded with `0` to six characters.
pub fn base62_6(mut n: u32) -> String {
    let mut out = [b'0'; 6];
    for slot in out.iter_mut().rev() {
        *slot = BASE62[(n % 62) as usize];
        n /= 62;
    }
    String::from_utf8(out.to_vec()).unwrap_or_default()
}

/// GitHub's classic tokens (`ghp_` and siblings) and npm's (`npm_`): 30 random characters
/// after the prefix, then the CRC32 of those 30 characters in base 62, six characters long.
pub fn github(token: &str) -> bool {
    let Some((_, body)) = token.split_once('_') else {
        return false;
    };
    if body.len() != 36 || !body.is_ascii() {
        return false;
    }
    let (random, check) = body.split_at(30);
    base62_6(crc32fast::hash(random.as_bytes())) == check
}

/// A GitHub token: a classic one with its checksum, or a server-to-server token in its JWT
/// form (`ghs_<installation id>_<JWT>`), whose JWT must decode.
pub fn github_any(token: &str) -> bool {
    if let Some(rest) = token.strip_prefix("ghs_")
        && let Some((id, jwt_part)) = rest.split_once('_')
        && !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_digit())
    {
        return jwt(jwt_part);
    }
    github(token)
}

/// A classic GitHub token whose checksum does not match: a typo, an edited token or a fake.
pub fn github_mismatch(token: &str) -> bool {
    !github(token)
}

/// Cloudflare's prefixed tokens (`cfat_`, `cfut_`, `cfk_`): 40 characters, then the CRC32
/// of those 40 characters in eight lower-case hex digits.
pub fn cloudflare(token: &str) -> bool {
    let Some((_, body)) = token.split_once('_') else {
        return false;
    };
    if body.len() != 48 || !body.is_ascii() {
        return false;
    }
    let (random, check) = body.split_at(40);
    format!("{:08x}", crc32fast::hash(random.as_bytes())) == check
}

/// Vault's legacy `s.` tokens are random base62: letters and digits both.
pub fn vault(token: &str) -> bool {
    match token.strip_prefix("s.") {
        Some(body) => {
            body.bytes().any(|b| b.is_ascii_digit())
                && body.bytes().any(|b| b.is_ascii_alphabetic())
        }
        None => true,
    }
}

/// A PEM private key with a body: not empty, not `***` or `xxx` standing for one.
pub fn pem_body(block: &str) -> bool {
    let after_header = block.splitn(3, "-----").nth(2).unwrap_or("");
    let body = after_header.split("-----END").next().unwrap_or("");
    let body: String = body
        .replace("\\n", "\n")
        .lines()
        .filter(|l| !l.contains(':'))
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace())
        .collect();
    // The smallest key (an EC or Ed25519 one) has more than 64 characters of body.
    body.len() >= 64 && !super::fake::looks_fake(&body)
}

/// A JWT whose header decodes to a JSON object with a header field (`alg`, `typ`, `kid`,
/// `x5t`, `enc`).
pub fn jwt(token: &str) -> bool {
    let Some(header) = token.split('.').next() else {
        return false;
    };
    let Ok(bytes) = BASE64URL_NOPAD.decode(header.trim_end_matches('=').as_bytes()) else {
        return false;
    };
    serde_json::from_slice::<serde_json::Value>(&bytes).is_ok_and(|h| {
        ["alg", "typ", "kid", "x5t", "enc"]
            .iter()
            .any(|k| h.get(k).is_some())
    })
}

/// A JWT encoded once more in base64 (`ZXlK…` is the base64 of `eyJ`): it decodes to one.
pub fn jwt_base64(token: &str) -> bool {
    let body = token.trim_end_matches('=');
    let body = &body[..body.len() - body.len() % 4];
    data_encoding::BASE64_NOPAD
        .decode(body.as_bytes())
        .is_ok_and(|bytes| jwt(&String::from_utf8_lossy(&bytes)))
}

/// A Telegram bot token: exactly 35 characters after the colon (`-` included in the run).
/// After the usual `A`, with an id of up to 16 digits; else (detect-secrets' form) after an
/// id of 8 to 10 digits, of both cases as a random token is.
pub fn telegram(token: &str) -> bool {
    token.split_once(':').is_some_and(|(id, rest)| {
        rest.len() == 35
            && ((rest.starts_with('A') && id.len() <= 16)
                || ((8..=10).contains(&id.len())
                    && rest.bytes().any(|b| b.is_ascii_uppercase())
                    && rest.bytes().any(|b| b.is_ascii_lowercase())))
    })
}

/// A Slack user token ends in its secret, never in ids alone (`xoxp-5723…-5718…-####`).
pub fn slack_user(token: &str) -> bool {
    token
        .rsplit('-')
        .next()
        .is_some_and(|last| last.bytes().any(|b| b.is_ascii_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base62_is_padded() {
        assert_eq!(base62_6(0), "000000");
        assert_eq!(base62_6(61), "00000z");
        assert_eq!(base62_6(62), "000010");
        assert_eq!(base62_6(u32::MAX), "4gfFC3");
    }

    #[test]
    fn github_checksum_separates_look_alikes() {
        let random = "Qm3kP9zT2vL8xW4nR7yB1cD5fG6hJ0";
        let good = format!(
            "ghp_{random}{}",
            base62_6(crc32fast::hash(random.as_bytes()))
        );
        assert!(github(&good));
        let mut bad = good.clone();
        bad.replace_range(5..6, "z");
        assert!(!github(&bad));
    }

    #[test]
    fn pem_needs_a_body() {
        let body = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7Zt8qLw2mN4vB7xK1pR9sQ3";
        let key = |b: &str| format!("-----BEGIN PRIVATE KEY-----\n{b}\n-----END PRIVATE KEY-----");
        assert!(pem_body(&key(body)));
        for fake in ["***", "xxx", "", "..."] {
            assert!(!pem_body(&key(fake)), "{fake:?}");
        }
    }

    #[test]
    fn github_forms() {
        let random = "Qm3kP9zT2vL8xW4nR7yB1cD5fG6hJ0";
        let good = format!(
            "ghp_{random}{}",
            base62_6(crc32fast::hash(random.as_bytes()))
        );
        assert!(github_any(&good) && !github_mismatch(&good));
        let bad = format!("ghp_{random}zzzzzz");
        assert!(!github_any(&bad) && github_mismatch(&bad));
        let header = BASE64URL_NOPAD.encode(br#"{"alg":"RS256","typ":"JWT"}"#);
        assert!(github_any(&format!(
            "ghs_12345_{header}.eyJzdWIiOiIxIn0.c2ln"
        )));
        assert!(!github_any("ghs_12345_eyJub3Rqc29u.eyJzdWIiOiIxIn0.c2ln"));
    }

    #[test]
    fn cloudflare_checksum() {
        let body = "Zt8qLw2mN4vB7xK1pR9sQ3Zt8qLw2mN4vB7xK1pR";
        let good = format!("cfat_{body}{:08x}", crc32fast::hash(body.as_bytes()));
        assert!(cloudflare(&good));
        assert!(!cloudflare(&format!("cfat_{body}00000000")));
    }

    #[test]
    fn jwt_header_must_decode() {
        let header = BASE64URL_NOPAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
        assert!(jwt(&format!("{header}.eyJzdWIiOiIxIn0.c2lnbmF0dXJl")));
        assert!(!jwt("eyJub3Rqc29u.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"));
        let token = format!("{header}.eyJzdWIiOiIxIn0.c2lnbmF0dXJl");
        assert!(jwt_base64(&data_encoding::BASE64.encode(token.as_bytes())));
        let not_jwt = data_encoding::BASE64.encode(b"eyJub3Rqc29u.eyJzdWIiOiIxIn0.c2lnbmF0dXJl");
        assert!(!jwt_base64(&not_jwt));
    }
}
