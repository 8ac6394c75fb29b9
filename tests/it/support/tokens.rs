//! Synthetic tokens for the secret tests: generated to each provider's format, never real.

#![allow(dead_code)]

use data_encoding::BASE64URL_NOPAD;

/// A small deterministic generator (xorshift), so failures reproduce.
pub struct Rng(pub u64);

pub const UPPER: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
pub const LOWER: &str = "abcdefghijklmnopqrstuvwxyz";
pub const DIGITS: &str = "0123456789";
pub const UPPER_DIGITS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
pub const HEX: &str = "0123456789abcdef";
pub const ALNUM: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
pub const LETTERS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
pub const URLSAFE: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
pub const BASE64: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// `n` characters from `set`, never ending in `_` or `-` (a boundary the scanner checks).
    pub fn string(&mut self, set: &str, n: usize) -> String {
        let set = set.as_bytes();
        let mut s: String = (0..n).map(|_| set[self.below(set.len())] as char).collect();
        if n > 0 && s.ends_with(['_', '-']) {
            s.pop();
            s.push('Q');
        }
        s
    }
}

fn github_style(prefix: &str, rng: &mut Rng) -> String {
    let random = rng.string(ALNUM, 30);
    let check = mcplint::secrets::checksum::base62_6(crc32fast::hash(random.as_bytes()));
    format!("{prefix}{random}{check}")
}

fn jwt(rng: &mut Rng) -> String {
    let header = BASE64URL_NOPAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let claims = format!(r#"{{"sub":"{}","iat":1700000000}}"#, rng.string(ALNUM, 12));
    let body = BASE64URL_NOPAD.encode(claims.as_bytes());
    format!("{header}.{body}.{}", rng.string(URLSAFE, 43))
}

fn pem(rng: &mut Rng, kind: &str) -> String {
    let lines: Vec<String> = (0..4).map(|_| rng.string(BASE64, 64)).collect();
    format!(
        "-----BEGIN {kind}PRIVATE KEY-----\n{}\n-----END {kind}PRIVATE KEY-----",
        lines.join("\n")
    )
}

fn uuid(rng: &mut Rng) -> String {
    format!(
        "{}-{}-4{}-a{}-{}",
        rng.string(HEX, 8),
        rng.string(HEX, 4),
        rng.string(HEX, 3),
        rng.string(HEX, 3),
        rng.string(HEX, 12)
    )
}

/// A token of the provider's format. `variant` picks among its forms.
pub fn sample(id: &str, variant: usize, rng: &mut Rng) -> String {
    let v = variant % 2;
    match id {
        "huggingface-token" => format!("hf_{}", rng.string(LETTERS, 34)),
        "huggingface-org-token" => format!("api_org_{}", rng.string(LETTERS, 34)),
        "openai-key" if v == 0 => format!(
            "sk-proj-{}T3BlbkFJ{}",
            rng.string(URLSAFE, 74),
            rng.string(URLSAFE, 74)
        ),
        "openai-key" => format!(
            "sk-svcacct-{}T3BlbkFJ{}",
            rng.string(ALNUM, 40),
            rng.string(ALNUM, 40)
        ),
        "openai-legacy-key" => format!(
            "sk-{}{}T3BlbkFJ{}",
            ["", "nncd-"][v],
            rng.string(ALNUM, 20),
            rng.string(ALNUM, 20)
        ),
        "anthropic-key" => format!(
            "sk-ant-{}-{}AA",
            ["api03", "api04"][v],
            rng.string(URLSAFE, 90 + 10 * v)
        ),
        "github-token" => github_style(["ghp_", "gho_"][v], rng),
        "github-fine-grained-token" => format!(
            "github_pat_{}_{}",
            rng.string(ALNUM, 22),
            rng.string(ALNUM, 59)
        ),
        "gitlab-token" => format!("{}{}", ["glpat-", "gldt-"][v], rng.string(URLSAFE, 20)),
        "aws-access-key-id" => format!(
            "{}{}",
            ["AKIA", "ASIA"][v],
            rng.string("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
        ),
        "aws-secret-access-key" => rng.string(BASE64, 40),
        "slack-bot-token" => format!(
            "xoxb-{}-{}-{}",
            rng.string(DIGITS, 11),
            rng.string(DIGITS, 12),
            rng.string(ALNUM, 24)
        ),
        // the older short form (detect-secrets' sample shape)
        "slack-user-token" if v == 1 => format!(
            "xoxp-{}-{}-{}-{}",
            rng.string(DIGITS, 6),
            rng.string(DIGITS, 6),
            rng.string(DIGITS, 6),
            rng.string(HEX, 18)
        ),
        "slack-user-token" => format!(
            "xoxp-{}-{}-{}-{}",
            rng.string(DIGITS, 11),
            rng.string(DIGITS, 11),
            rng.string(DIGITS, 12),
            rng.string(HEX, 32)
        ),
        "slack-legacy-token" => format!("xoxa-2-{}", rng.string(ALNUM, 30)),
        "slack-app-token" => format!(
            "xapp-1-A{}-{}-{}",
            rng.string("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10),
            rng.string(DIGITS, 13),
            rng.string(HEX, 64)
        ),
        "slack-webhook" => format!(
            "https://hooks.slack.com/services/T{}/B{}/{}",
            rng.string(UPPER, 8),
            rng.string(UPPER, 8),
            rng.string(ALNUM, 24)
        ),
        "stripe-live-key" => format!(
            "{}{}",
            ["sk_live_", "rk_live_"][v],
            rng.string(ALNUM, 24 + 75 * v)
        ),
        "stripe-test-key" => format!("{}{}", ["sk_test_", "rk_test_"][v], rng.string(ALNUM, 24)),
        "google-api-key" => format!("AIza{}", rng.string(URLSAFE, 35)),
        "npm-token" => github_style("npm_", rng),
        "npm-token-checksum-mismatch" => {
            let good = github_style("npm_", rng);
            let c = if good.as_bytes()[39] == b'a' {
                "b"
            } else {
                "a"
            };
            format!("{}{c}", &good[..39])
        }
        "pypi-token" => format!(
            "{}{}",
            ["pypi-AgEIcHlwaS5vcmc", "pypi-AgENdGVzdC5weXBpLm9yZw"][v],
            rng.string(URLSAFE, 70)
        ),
        "sendgrid-key" => format!("SG.{}.{}", rng.string(URLSAFE, 22), rng.string(URLSAFE, 43)),
        "twilio-api-key" => format!("SK{}", rng.string(HEX, 32)),
        "twilio-auth-token" => rng.string(HEX, 32),
        // without its signature too
        "jwt" if v == 1 => jwt(rng).rsplit_once('.').unwrap().0.to_owned(),
        "jwt" => jwt(rng),
        "jwt-base64" => data_encoding::BASE64.encode(jwt(rng).as_bytes()),
        "private-key" => pem(rng, ["RSA ", "OPENSSH "][v]),
        "notion-token" if v == 0 => {
            format!("ntn_{}{}", rng.string(DIGITS, 11), rng.string(ALNUM, 35))
        }
        "notion-token" => format!("secret_{}", rng.string(ALNUM, 43)),
        "linear-api-key" => format!("lin_api_{}", rng.string(ALNUM, 40)),
        "supabase-token" => format!(
            "sbp_{}",
            rng.string("abcdefghijklmnopqrstuvwxyz0123456789", 40)
        ),
        "groq-key" => format!("gsk_{}", rng.string(ALNUM, 52)),
        "perplexity-key" => format!("pplx-{}", rng.string(ALNUM, 48)),
        "tavily-key" => format!("tvly-{}{}", ["dev-", ""][v], rng.string(ALNUM, 32)),
        "brave-search-key" => format!("BSA{}", rng.string(URLSAFE, 28)),
        "firecrawl-key" => format!("fc-{}", rng.string(HEX, 32)),
        "exa-key" => uuid(rng),
        "replicate-token" => format!("r8_{}", rng.string(ALNUM, 37)),
        "mistral-key" => rng.string(ALNUM, 32),
        "cohere-key" => rng.string(ALNUM, 40),
        "pinecone-key" => format!("pcsk_{}_{}", rng.string(ALNUM, 6), rng.string(ALNUM, 60)),
        "neon-key" => format!(
            "napi_{}",
            rng.string("abcdefghijklmnopqrstuvwxyz0123456789", 64)
        ),
        "databricks-token" => format!("dapi{}", rng.string(HEX, 32)),
        "azure-key" => rng.string(HEX, 32),
        "azure-storage-key" => format!("AccountKey={}==", rng.string(BASE64, 86)),
        "discord-bot-token" => format!(
            "{}{}.{}.{}",
            ["M", "N", "O"][rng.below(3)],
            rng.string(URLSAFE, 25),
            rng.string(URLSAFE, 6),
            rng.string(URLSAFE, 38)
        ),
        "discord-webhook" => format!(
            "https://discord.com/api/webhooks/{}/{}",
            rng.string(DIGITS, 18),
            rng.string(URLSAFE, 68)
        ),
        // detect-secrets' form: 8 to 10 digits, any 35 characters
        "telegram-bot-token" if v == 1 => format!(
            "{}:{}{}",
            rng.string(DIGITS, 9),
            rng.string(UPPER, 2),
            rng.string(LOWER, 33)
        ),
        "telegram-bot-token" => format!("{}:AA{}", rng.string(DIGITS, 10), rng.string(URLSAFE, 33)),
        "sentry-token" => format!("sntryu_{}", rng.string(HEX, 64)),
        "cloudflare-api-token" => rng.string(URLSAFE, 40),
        "digitalocean-token" => format!("{}{}", ["dop_v1_", "doo_v1_"][v], rng.string(HEX, 64)),
        "mailgun-key" => format!("key-{}", rng.string(HEX, 32)),
        "shopify-token" => format!("{}{}", ["shpat_", "shpss_"][v], rng.string(HEX, 32)),
        "xai-key" => format!("xai-{}", rng.string(ALNUM, 80)),
        "openrouter-key" => format!("sk-or-v1-{}", rng.string(HEX, 64)),
        "deepseek-key" => format!(
            "sk-{}",
            rng.string("abcdefghijklmnopqrstuvwxyz0123456789", 32)
        ),
        "postman-key" => format!("PMAK-{}-{}", rng.string(HEX, 24), rng.string(HEX, 34)),
        "doppler-token" => format!("dp.pt.{}", rng.string(ALNUM, 43)),
        "vault-token" => format!("hvs.{}", rng.string(URLSAFE, 95)),
        "grafana-token" => format!("glsa_{}_{}", rng.string(ALNUM, 32), rng.string(HEX, 8)),
        "langsmith-key" => format!("lsv2_pt_{}_{}", rng.string(HEX, 32), rng.string(HEX, 10)),
        "figma-token" => format!("figd_{}", rng.string(URLSAFE, 43)),
        "atlassian-token" => format!("ATATT3{}", rng.string(URLSAFE, 186)),
        "heroku-key" => format!("HRKU-AA{}", rng.string(URLSAFE, 58)),
        "azure-client-secret" => format!(
            "{}{}Q~{}",
            rng.string(ALNUM, 3),
            rng.string(DIGITS, 1),
            rng.string(ALNUM, 34)
        ),
        "mapbox-secret-token" => format!(
            "sk.eyJ{}.{}",
            rng.string(URLSAFE, 60),
            rng.string(URLSAFE, 22)
        ),
        "browserbase-key" => format!("bb_live_{}", rng.string(URLSAFE, 27)),
        "fireworks-key" => format!("fw_{}", rng.string(ALNUM, 24)),
        "datadog-key" => rng.string(HEX, 32),
        "together-key" => rng.string(HEX, 64),
        "vercel-token" => rng.string(ALNUM, 24),
        "netlify-token" => rng.string(URLSAFE, 43),
        "asana-token" => format!("1/{}:{}", rng.string(DIGITS, 16), rng.string(HEX, 32)),
        "github-token-checksum-mismatch" => {
            let good = github_style(["ghp_", "ghs_"][v], rng);
            let c = if good.as_bytes()[39] == b'a' {
                "b"
            } else {
                "a"
            };
            format!("{}{c}", &good[..39])
        }
        "slack-config-token" if v == 0 => format!("xoxe.xoxp-1-{}", rng.string(ALNUM, 164)),
        "slack-config-token" => format!("xoxe-1-{}", rng.string(ALNUM, 146)),
        "aws-bedrock-key" => format!("ABSK{}", rng.string(BASE64, 128)),
        "cloudflare-prefixed-token" => {
            let body = rng.string(ALNUM, 40);
            let check = format!("{:08x}", crc32fast::hash(body.as_bytes()));
            format!("{}{body}{check}", ["cfat_", "cfut_"][v])
        }
        "cloudflare-origin-ca-key" => {
            format!("v1.0-{}-{}", rng.string(HEX, 24), rng.string(HEX, 146))
        }
        "vercel-access-token" => format!("{}{}", ["vcp_", "vck_"][v], rng.string(ALNUM, 44)),
        "docker-hub-token" => format!("dckr_pat_{}", rng.string(ALNUM, 27)),
        "1password-token" if v == 0 => format!("ops_eyJ{}", rng.string(ALNUM, 300)),
        "1password-token" => format!(
            "A3-{}-{}-{}-{}-{}",
            rng.string(UPPER_DIGITS, 6),
            rng.string(UPPER_DIGITS, 11),
            rng.string(UPPER_DIGITS, 5),
            rng.string(UPPER_DIGITS, 5),
            rng.string(UPPER_DIGITS, 5)
        ),
        "terraform-cloud-token" => format!(
            "{}.atlasv1.{}",
            rng.string(ALNUM, 14),
            rng.string(ALNUM, 65)
        ),
        "planetscale-token" => format!(
            "{}{}",
            ["pscale_tkn_", "pscale_pw_"][v],
            rng.string(ALNUM, 43)
        ),
        "airtable-token" => format!("pat{}.{}", rng.string(ALNUM, 14), rng.string(HEX, 64)),
        "newrelic-key" => format!("NRAK-{}", rng.string(UPPER_DIGITS, 27)),
        "pulumi-token" => format!("pul-{}", rng.string(HEX, 40)),
        "sourcegraph-token" => format!("sgp_{}_{}", rng.string(HEX, 16), rng.string(HEX, 40)),
        "square-token" => format!("{}{}", ["sq0atp-", "EAAA"][v], rng.string(URLSAFE, 40)),
        "mailchimp-key" => format!("{}-us{}", rng.string(HEX, 32), rng.below(20) + 1),
        "tailscale-key" => format!(
            "tskey-{}-{}-{}",
            ["api", "auth"][v],
            rng.string(ALNUM, 17),
            rng.string(ALNUM, 30)
        ),
        "flyio-token" => format!("fo1_{}", rng.string(ALNUM, 43)),
        "prefect-key" => format!("pnu_{}", rng.string(ALNUM, 36)),
        "readme-key" => format!(
            "rdme_{}",
            rng.string("abcdefghijklmnopqrstuvwxyz0123456789", 70)
        ),
        "rubygems-key" => format!("rubygems_{}", rng.string(HEX, 48)),
        "infracost-key" => format!("ico-{}", rng.string(ALNUM, 32)),
        "age-secret-key" => format!(
            "AGE-SECRET-KEY-1{}",
            rng.string("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58)
        ),
        "dynatrace-token" => format!(
            "dt0c01.{}.{}",
            rng.string(UPPER_DIGITS, 24),
            rng.string(UPPER_DIGITS, 64)
        ),
        "shippo-token" => format!("shippo_live_{}", rng.string(HEX, 40)),
        "easypost-key" => format!("EZAK{}", rng.string(ALNUM, 54)),
        "duffel-token" => format!("duffel_test_{}", rng.string(ALNUM, 43)),
        "frameio-token" => format!("fio-u-{}", rng.string(ALNUM, 64)),
        "scalingo-token" => format!("tk-us-{}", rng.string(ALNUM, 48)),
        "brevo-key" => format!("xkeysib-{}-{}", rng.string(HEX, 64), rng.string(ALNUM, 16)),
        "clojars-token" => format!(
            "CLOJARS_{}",
            rng.string("abcdefghijklmnopqrstuvwxyz0123456789", 60)
        ),
        "harness-key" => format!(
            "pat.{}.{}.{}",
            rng.string(ALNUM, 22),
            rng.string(ALNUM, 24),
            rng.string(ALNUM, 20)
        ),
        "octopus-deploy-key" => format!("API-{}", rng.string(UPPER_DIGITS, 26)),
        "alibaba-access-key-id" => format!("LTAI{}", rng.string(ALNUM, 20)),
        "adobe-client-secret" => format!("p8e-{}", rng.string(ALNUM, 32)),
        "artifactory-token" => format!("AKCp{}", rng.string(ALNUM, 69)),
        "maxmind-license-key" => format!("{}_{}_mmk", rng.string(ALNUM, 6), rng.string(ALNUM, 29)),
        "clickhouse-cloud-key" => format!("4b1d{}", rng.string(ALNUM, 38)),
        "openshift-token" => format!("sha256~{}", rng.string(ALNUM, 43)),
        "settlemint-token" => format!("sm_pat_{}", rng.string(ALNUM, 16)),
        "facebook-page-token" => format!("EAAC{}", rng.string(ALNUM, 120)),
        "intra42-secret" => format!("s-s4t2ud-{}", rng.string(HEX, 64)),
        "flutterwave-key" => format!("FLWSECK_TEST-{}-X", rng.string("abcdefgh0123456789", 32)),
        "authress-key" => format!(
            "sc_{}.{}.acc_{}.{}",
            rng.string(ALNUM, 12),
            rng.string(ALNUM, 5),
            rng.string(ALNUM, 20),
            rng.string(ALNUM, 60)
        ),
        "teams-webhook" => format!(
            "https://contoso.webhook.office.com/webhookb2/{}@{}/IncomingWebhook/{}/{}",
            uuid(rng),
            uuid(rng),
            rng.string("abcdef0123456789", 32),
            uuid(rng)
        ),
        other => panic!("no sample generator for secret/{other}: add one"),
    }
}

/// Two strings close to the provider's format that it must not match. `slot_only` is for
/// formats without a prefix, found by the variable name alone.
pub fn near_misses(id: &str, slot_only: bool, rng: &mut Rng) -> [String; 2] {
    let good = sample(id, 0, rng);
    let short = |s: &str, n: usize| s[..s.len() - n].to_owned();
    match id {
        // Checksummed formats: one character changed breaks the checksum.
        "github-token" | "npm-token" => {
            let mut flipped = good.clone();
            let c = if flipped.as_bytes()[6] == b'a' {
                "b"
            } else {
                "a"
            };
            flipped.replace_range(6..7, c);
            [flipped, short(&good, 1)]
        }
        "jwt" => {
            let tail = good.split_once('.').unwrap().1;
            [
                format!("eyJub3RhbGciOjF9.{tail}"),
                good.replacen("eyJ", "eyK", 1),
            ]
        }
        "private-key" => [
            good.replace("PRIVATE KEY", "PUBLIC KEY"),
            "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----".to_owned(),
        ],
        "slack-webhook" | "discord-webhook" => [
            short(&good, 20),
            good.replace("https://", "https://example.com/"),
        ],
        "azure-storage-key" => [good.replace("==", ""), short(&good, 10)],
        "terraform-cloud-token" => [good.replace(".atlasv1.", ".atlasv2."), short(&good, 30)],
        "maxmind-license-key" => [good.replace("_mmk", "_mmx"), short(&good, 1)],
        "exa-key" => [good.replace('-', ""), short(&good, 1)],
        "asana-token" => [good.replace(':', "-"), short(&good, 1)],
        "discord-bot-token" => [good.replace('.', "-"), short(&good, 20)],
        "aws-access-key-id" => [good.to_ascii_lowercase(), short(&good, 1)],
        "azure-client-secret" => [good.replace("Q~", "Q-"), short(&good, 10)],
        _ if slot_only => [short(&good, good.len() / 2), format!("{good}!x")],
        _ => {
            // Too short, and the prefix (or first character) changed.
            let mut wrong = good.clone();
            let first = wrong.remove(0);
            wrong.insert(0, if first == 'Z' { 'Y' } else { 'Z' });
            let too_short: String = good.chars().take(12).collect();
            [too_short, wrong]
        }
    }
}
