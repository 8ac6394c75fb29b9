//! The catalogue of provider token formats: one entry per provider, one table.
//!
//! Formats are facts taken from provider documentation and from public rule sets (gitleaks,
//! trufflehog, secretlint); the patterns, prefixes and tests are ours. A provider is found
//! by a literal prefix (an Aho-Corasick pass decides which patterns run), or, for formats
//! without one, by the name of the slot that holds the value (`COHERE_API_KEY`).

use crate::registry::Rule;
use crate::registry::Severity;

pub struct Provider {
    pub rule: Rule,
    pub name: &'static str,
    /// Literals one of which every token contains; the pattern runs only where one occurs.
    pub prefixes: &'static [&'static str],
    /// For formats without a prefix: words of a variable or header name (upper case) under
    /// which the whole value is matched against the pattern.
    pub slot_words: &'static [&'static str],
    /// The token itself (Rust regex syntax); boundaries are checked by the scanner.
    pub pattern: &'static str,
    /// A check beyond the pattern, such as a checksum; `false` means a look-alike.
    pub validate: Option<fn(&str) -> bool>,
    /// The variable name people usually give it, for the fix.
    pub variable: &'static str,
}

impl std::fmt::Debug for Provider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.rule.id)
    }
}

macro_rules! provider {
    ($id:literal, $name:literal, $severity:ident, $var:literal,
     prefixes [$($prefix:literal),*], slot [$($word:literal),*],
     $pattern:literal $(, $validate:expr)?) => {
        Provider {
            rule: Rule::new(
                concat!("secret/", $id),
                Severity::$severity,
                concat!("a hardcoded ", $name),
                concat!(
                    "## What it does\n",
                    "Finds a hardcoded ", $name, " in a config: in an `env` value, a header, ",
                    "an argument or a URL. The finding shows at most the first 6 characters ",
                    "and the length of the token.\n\n",
                    "## Why is this bad?\n",
                    "A config file ends up in git history, backups, screenshots and bug reports; ",
                    "whoever reads it can use the credential until it is rotated.\n\n",
                    "## Example\n",
                    "```json\n",
                    "{ \"server\": { \"command\": \"npx\", \"env\": { \"", $var, "\": \"<the ",
                    $name, " itself>\" } } }\n",
                    "```\n\n",
                    "Use instead: the value in `.env` (kept out of git), referenced:\n",
                    "```json\n",
                    "{ \"server\": { \"command\": \"npx\", \"env\": { \"", $var, "\": \"${", $var,
                    "}\" } } }\n",
                    "```\n",
                    "Then rotate the credential with the provider: it has been written to a file.\n",
                ),
            ),
            name: $name,
            prefixes: &[$($prefix),*],
            slot_words: &[$($word),*],
            pattern: $pattern,
            validate: provider!(@validate $($validate)?),
            variable: $var,
        }
    };
    (@validate) => { None };
    (@validate $v:expr) => { Some($v) };
}

pub static PROVIDERS: &[Provider] = &[
    provider!("huggingface-token", "Hugging Face token", Error, "HF_TOKEN",
        prefixes ["hf_"], slot [], r"hf_[A-Za-z]{34}"),
    provider!("huggingface-org-token", "Hugging Face organization token", Error, "HF_TOKEN",
        prefixes ["api_org_"], slot [], r"api_org_[A-Za-z]{34}"),
    provider!("openai-key", "OpenAI API key", Error, "OPENAI_API_KEY",
        prefixes ["T3BlbkFJ"], slot [],
        r"sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}"),
    provider!("openai-legacy-key", "OpenAI API key (legacy format)", Error, "OPENAI_API_KEY",
        // Legacy keys carry `T3BlbkFJ` (base64 of "OpenAI") at a fixed place: `sk-` and 48
        // characters without it is another provider's (gitleaks
        // cmd/generate/config/rules/openai.go @b58d3f102cf3a2c84cb7f923d05c25c9b1aed84b).
        // detect-secrets allows anything of the key's alphabet before the 20 characters
        // (detect_secrets/plugins/openai.py @5e141933554a0b74e7341841f318be21e895339c).
        prefixes ["T3BlbkFJ"], slot [],
        r"sk-(?:[A-Za-z0-9_-]*-)?[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}"),
    provider!("anthropic-key", "Anthropic API key", Error, "ANTHROPIC_API_KEY",
        // any `api0N` version, 90 to 128 characters before the closing `AA`: secretlint
        // packages/@secretlint/secretlint-rule-anthropic/src/index.ts @18346ba
        prefixes ["sk-ant-"], slot [],
        r"sk-ant-(?:api0[0-9]|admin01)-[A-Za-z0-9_-]{90,128}AA"),
    provider!("github-token", "GitHub token", Error, "GITHUB_PERSONAL_ACCESS_TOKEN",
        prefixes ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], slot [],
        // ghs_<id>_<JWT>: secretlint packages/@secretlint/secretlint-rule-github/src/index.ts
        // @18346ba31b8173d52060b971221ab38c1943def0
        r"gh[pousr]_[A-Za-z0-9]{36}|ghs_[0-9]{1,20}_eyJ[A-Za-z0-9_-]{8,1000}\.[A-Za-z0-9_-]{1,10000}\.[A-Za-z0-9_-]{1,1000}",
        super::checksum::github_any),
    // gitleaks cmd/generate/config/rules/github.go @b58d3f102cf3a2c84cb7f923d05c25c9b1aed84b
    // (the format); the checksum is GitHub's: a mismatch is reported, as a warning.
    provider!("github-token-checksum-mismatch",
        "GitHub-shaped token whose checksum does not match", Warning,
        "GITHUB_PERSONAL_ACCESS_TOKEN",
        prefixes ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], slot [],
        r"gh[pousr]_[A-Za-z0-9]{36}", super::checksum::github_mismatch),
    provider!("github-fine-grained-token", "GitHub fine-grained token", Error,
        "GITHUB_PERSONAL_ACCESS_TOKEN",
        prefixes ["github_pat_"], slot [], r"github_pat_[A-Za-z0-9_]{82}"),
    provider!("gitlab-token", "GitLab token", Error, "GITLAB_PERSONAL_ACCESS_TOKEN",
        // glimt-, glagent-, glffct-, GR1348941: gitleaks cmd/generate/config/rules/gitlab.go
        // @b58d3f102cf3a2c84cb7f923d05c25c9b1aed84b; detect-secrets
        // detect_secrets/plugins/gitlab_token.py @5e141933554a0b74e7341841f318be21e895339c
        prefixes ["glpat-", "gldt-", "glrt-", "glptt-", "glcbt-", "glft-", "glsoat-", "gloas-",
            "glimt-", "glagent-", "glffct-", "GR1348941", "_gitlab_session="],
        slot [],
        // each prefix at its own length (gitleaks @b58d3f1, detect-secrets @5e14193)
        r"glpat-[A-Za-z0-9_-]{27,300}\.[0-9a-z]{9}|glrt-t[0-9]_[A-Za-z0-9_-]{27,300}\.[0-9a-z]{9}|gl(?:pat|dt|rt|ft|soat|ffct)-[A-Za-z0-9_-]{20,50}|glcbt-(?:[A-Za-z0-9]{1,5}_)?[A-Za-z0-9_-]{20,50}|glimt-[A-Za-z0-9_-]{25}|glptt-[A-Za-z0-9_-]{40}|glagent-[A-Za-z0-9_-]{50,1024}|gloas-[A-Za-z0-9_-]{64}|GR1348941[A-Za-z0-9_-]{20,50}|_gitlab_session=[0-9a-z]{32}"),
    provider!("aws-access-key-id", "AWS access key id", Error, "AWS_ACCESS_KEY_ID",
        prefixes ["AKIA", "ASIA", "ABIA", "ACCA"], slot [], r"(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}"),
    provider!("aws-secret-access-key", "AWS secret access key", Error, "AWS_SECRET_ACCESS_KEY",
        prefixes [], slot ["AWS_SECRET", "SECRET_ACCESS_KEY", "AWS_SECRET_KEY"],
        r"[A-Za-z0-9/+]{40}"),
    provider!("slack-bot-token", "Slack bot token", Error, "SLACK_BOT_TOKEN",
        // the legacy two-part form: gitleaks cmd/generate/config/rules/slack.go @b58d3f1
        prefixes ["xoxb-"], slot [],
        r"xoxb-[0-9]{10,13}-[0-9]{10,13}(?:-[A-Za-z0-9-]{1,40})?|xoxb-[0-9]{8,14}-[A-Za-z0-9]{18,26}"),
    provider!("slack-user-token", "Slack user token", Error, "SLACK_USER_TOKEN",
        prefixes ["xoxp-", "xoxe-"], slot [],
        // and the older short form, ids of six digits and more (detect-secrets
        // detect_secrets/plugins/slack.py @5e14193; `xoxp-3940-3428-…` stays a gitleaks
        // negative)
        r"xox[pe](?:-[0-9]{10,13}){3}-[A-Za-z0-9-]{28,34}|xoxp-[0-9]{6,13}(?:-[0-9]{6,13}){1,3}-[A-Za-z0-9]{8,64}",
        super::checksum::slack_user),
    provider!("slack-legacy-token", "Slack legacy token", Error, "SLACK_TOKEN",
        // xoxo-, xoxs-: gitleaks cmd/generate/config/rules/slack.go @b58d3f1; detect-secrets
        // detect_secrets/plugins/slack.py @5e14193; the forms with dash-separated ids of six
        // digits and more: the same and secretlint
        // packages/@secretlint/secretlint-rule-slack/src/index.ts @18346ba
        prefixes ["xoxa-", "xoxr-", "xoxo-", "xoxs-"], slot [],
        r"xox[ar]-(?:[0-9]-)?[0-9]{6,13}(?:-[0-9]{6,13}){1,3}-[A-Za-z0-9]{8,64}|xox[ar]-(?:[0-9]-)?[A-Za-z0-9]{8,48}|xox[os]-[0-9]+-[0-9]+-[0-9]+-[A-Za-z0-9]+|xox[os]-[0-9]{6,13}(?:-[0-9]{6,13}){1,2}"),
    // gitleaks cmd/generate/config/rules/slack.go @b58d3f102cf3a2c84cb7f923d05c25c9b1aed84b
    provider!("slack-config-token", "Slack configuration token", Error, "SLACK_CONFIG_TOKEN",
        prefixes ["xoxe.", "xoxe-"], slot [],
        r"xoxe\.xox[bp]-[0-9]-[A-Za-z0-9]{163,166}|xoxe-[0-9]-[A-Za-z0-9]{146}"),
    provider!("slack-app-token", "Slack app token", Error, "SLACK_APP_TOKEN",
        // without its last part too: secretlint
        // packages/@secretlint/secretlint-rule-slack/src/index.ts @18346ba
        prefixes ["xapp-"], slot [],
        r"xapp-[0-9]-[A-Za-z0-9]{8,14}-[0-9]{10,14}-[A-Za-z0-9]{32,80}|xapp-[0-9]-[A-Z0-9]{8,14}-[0-9]{10,14}"),
    provider!("slack-webhook", "Slack webhook URL", Error, "SLACK_WEBHOOK_URL",
        prefixes ["hooks.slack.com/"], slot [],
        // http:// or no scheme: gitleaks cmd/generate/config/rules/slack.go @b58d3f1
        r"(?:https?://)?hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{43,56}"),
    provider!("stripe-live-key", "Stripe live secret key", Error, "STRIPE_SECRET_KEY",
        prefixes ["sk_live_", "rk_live_", "sk_prod_", "rk_prod_"], slot [],
        r"[sr]k_(?:live|prod)_[A-Za-z0-9]{10,247}"),
    provider!("stripe-test-key", "Stripe test secret key", Warning, "STRIPE_SECRET_KEY",
        prefixes ["sk_test_", "rk_test_"], slot [], r"[sr]k_test_[A-Za-z0-9]{10,247}"),
    provider!("google-api-key", "Google API key", Error, "GOOGLE_API_KEY",
        prefixes ["AIza"], slot [], r"AIza[0-9A-Za-z_-]{35}"),
    provider!("npm-token", "npm access token", Error, "NPM_TOKEN",
        prefixes ["npm_"], slot [], r"npm_[A-Za-z0-9]{36}", super::checksum::github),
    // gitleaks cmd/generate/config/rules/npm.go @b58d3f1 and secretlint
    // packages/@secretlint/secretlint-rule-npm/src/index.ts @18346ba take the format alone;
    // the checksum is GitHub's scheme (npm's tokens carry it): a mismatch is a warning.
    provider!("npm-token-checksum-mismatch", "npm-shaped token whose checksum does not match",
        Warning, "NPM_TOKEN",
        prefixes ["npm_"], slot [], r"npm_[A-Za-z0-9]{36}", super::checksum::github_mismatch),
    provider!("pypi-token", "PyPI API token", Error, "PYPI_API_TOKEN",
        // and test.pypi.org's: detect-secrets detect_secrets/plugins/pypi_token.py @5e14193
        prefixes ["pypi-AgEIcHlwaS5vcmc", "pypi-AgENdGVzdC5weXBpLm9yZw"], slot [],
        r"pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,1000}"),
    provider!("sendgrid-key", "SendGrid API key", Error, "SENDGRID_API_KEY",
        prefixes ["SG."], slot [], // 66 characters, the dot anywhere: gitleaks cmd/generate/config/rules/sendgrid.go @b58d3f1
        r"SG\.[A-Za-z0-9=_.-]{66}"),
    provider!("twilio-api-key", "Twilio API key", Error, "TWILIO_API_KEY",
        prefixes ["SK"], slot [], r"SK[0-9a-fA-F]{32}"),
    provider!("twilio-auth-token", "Twilio auth token", Error, "TWILIO_AUTH_TOKEN",
        prefixes [], slot ["TWILIO"], r"[0-9a-f]{32}"),
    provider!("jwt", "JSON Web Token", Error, "API_TOKEN",
        // the signature may be left off (detect-secrets detect_secrets/plugins/jwt.py @5e14193)
        prefixes ["eyJ"], slot [], r"eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}(?:\.[A-Za-z0-9_-]*)?",
        super::checksum::jwt),
    // a JWT, base64-encoded once more: gitleaks cmd/generate/config/rules/jwt.go @b58d3f1
    provider!("jwt-base64", "base64-encoded JSON Web Token", Error, "API_TOKEN",
        prefixes ["ZXlK"], slot [], r"ZXlK[A-Za-z0-9+/]{40,}={0,2}", super::checksum::jwt_base64),
    provider!("private-key", "private key", Error, "PRIVATE_KEY",
        prefixes ["-----BEGIN"], slot [],
        // Without its `-----END` line (a broken file, a mangled armour) the block stops where
        // its string does, so that what follows it is not judged with it.
        r#"-----BEGIN[A-Z ]{0,20} PRIVATE KEY(?: BLOCK)?-----(?:[^"]*?-----END[A-Z ]{0,20} PRIVATE KEY(?: BLOCK)?-----|[^"]*)"#,
        super::checksum::pem_body),
    provider!("notion-token", "Notion integration token", Error, "NOTION_TOKEN",
        prefixes ["secret_", "ntn_"], slot [], r"(?:secret_[A-Za-z0-9]{43}|ntn_[0-9]{11}[A-Za-z0-9]{35})"),
    provider!("linear-api-key", "Linear API key", Error, "LINEAR_API_KEY",
        prefixes ["lin_api_"], slot [], r"lin_api_[A-Za-z0-9]{40}"),
    provider!("supabase-token", "Supabase access token", Error, "SUPABASE_ACCESS_TOKEN",
        prefixes ["sbp_", "sb_secret_"], slot [], r"(?:sbp_[a-z0-9]{40}|sb_secret_[A-Za-z0-9_-]{31,64})"),
    provider!("groq-key", "Groq API key", Error, "GROQ_API_KEY",
        prefixes ["gsk_"], slot [], r"gsk_[A-Za-z0-9]{52}"),
    provider!("perplexity-key", "Perplexity API key", Error, "PERPLEXITY_API_KEY",
        prefixes ["pplx-"], slot [], r"pplx-[A-Za-z0-9]{48}"),
    provider!("tavily-key", "Tavily API key", Error, "TAVILY_API_KEY",
        prefixes ["tvly-"], slot [], r"tvly-(?:dev-|prod-)?[A-Za-z0-9]{20,40}"),
    provider!("brave-search-key", "Brave Search API key", Error, "BRAVE_API_KEY",
        prefixes [], slot ["BRAVE"], r"BSA[A-Za-z0-9_-]{20,40}"),
    provider!("firecrawl-key", "Firecrawl API key", Error, "FIRECRAWL_API_KEY",
        prefixes ["fc-"], slot [], r"fc-[a-f0-9]{32}"),
    provider!("exa-key", "Exa API key", Error, "EXA_API_KEY",
        prefixes [], slot ["EXA_"], r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
    provider!("replicate-token", "Replicate API token", Error, "REPLICATE_API_TOKEN",
        prefixes ["r8_"], slot [], r"r8_[A-Za-z0-9_-]{37}"),
    provider!("mistral-key", "Mistral API key", Error, "MISTRAL_API_KEY",
        prefixes [], slot ["MISTRAL"], r"[A-Za-z0-9]{32}"),
    provider!("cohere-key", "Cohere API key", Error, "COHERE_API_KEY",
        prefixes [], slot ["COHERE", "CO_API"], r"[A-Za-z0-9]{40}"),
    provider!("pinecone-key", "Pinecone API key", Error, "PINECONE_API_KEY",
        prefixes ["pcsk_"], slot [], r"pcsk_[A-Za-z0-9]{4,10}_[A-Za-z0-9]{40,100}"),
    provider!("neon-key", "Neon API key", Error, "NEON_API_KEY",
        prefixes ["napi_"], slot [], r"napi_[A-Za-z0-9]{20,80}"),
    provider!("databricks-token", "Databricks token", Error, "DATABRICKS_TOKEN",
        prefixes ["dapi"], slot [], r"dapi[a-fA-F0-9]{32}(?:-[0-9])?"),
    provider!("azure-key", "Azure API key", Error, "AZURE_OPENAI_API_KEY",
        prefixes [], slot ["AZURE"], r"(?:[a-f0-9]{32}|[A-Za-z0-9]{84})"),
    provider!("azure-storage-key", "Azure storage account key", Error, "AZURE_STORAGE_CONNECTION_STRING",
        prefixes ["AccountKey="], slot [], r"AccountKey=[A-Za-z0-9+/]{86}=="),
    provider!(
        "discord-bot-token",
        "Discord bot token",
        Error,
        "DISCORD_TOKEN",
        // by shape, a bot token starts with the base64 of a user id (M, N or O): detect-secrets
        // detect_secrets/plugins/discord.py @5e141933554a0b74e7341841f318be21e895339c
        prefixes["."],
        slot["DISCORD"],
        r"[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}"
    ),
    provider!("discord-webhook", "Discord webhook URL", Error, "DISCORD_WEBHOOK_URL",
        prefixes ["/api/webhooks/"], slot [],
        r"https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,80}"),
    provider!("telegram-bot-token", "Telegram bot token", Error, "TELEGRAM_BOT_TOKEN",
        // or 8 to 10 digits and any 35 characters: detect-secrets
        // detect_secrets/plugins/telegram_token.py @5e14193
        prefixes [":A", "0:", "1:", "2:", "3:", "4:", "5:", "6:", "7:", "8:", "9:"], slot [],
        r"[0-9]{5,16}:A[A-Za-z0-9_-]{34,}|[0-9]{8,10}:[A-Za-z0-9_-]{35,}",
        super::checksum::telegram),
    provider!("sentry-token", "Sentry auth token", Error, "SENTRY_AUTH_TOKEN",
        prefixes ["sntrys_", "sntryu_"], slot [],
                // the org token's structure: gitleaks cmd/generate/config/rules/sentry.go @b58d3f1
        r"sntryu_[a-f0-9]{64}|sntrys_eyJpYXQiO[A-Za-z0-9+/]{10,200}(?:LCJyZWdpb25fdXJs|InJlZ2lvbl91cmwi|cmVnaW9uX3VybCI6)[A-Za-z0-9+/]{10,200}={0,2}_[A-Za-z0-9+/]{43}"),
    provider!("cloudflare-api-token", "Cloudflare API token", Error, "CLOUDFLARE_API_TOKEN",
        prefixes [], slot ["CLOUDFLARE", "CF_API"], r"(?:[A-Za-z0-9_-]{40}|[a-f0-9]{37})"),
    provider!("digitalocean-token", "DigitalOcean token", Error, "DIGITALOCEAN_API_TOKEN",
        prefixes ["dop_v1_", "doo_v1_", "dor_v1_"], slot [], r"do[por]_v1_[a-f0-9]{64}"),
    provider!("mailgun-key", "Mailgun API key", Error, "MAILGUN_API_KEY",
        prefixes ["key-"], slot [], r"key-[a-f0-9]{32}"),
    provider!("shopify-token", "Shopify access token", Error, "SHOPIFY_ACCESS_TOKEN",
        prefixes ["shpat_", "shpca_", "shppa_", "shpss_"], slot [], r"shp(?:at|ca|pa|ss)_[A-Za-z0-9]{32,38}"),
    provider!("xai-key", "xAI API key", Error, "XAI_API_KEY",
        prefixes ["xai-"], slot [], r"xai-[A-Za-z0-9_]{80}"),
    provider!("openrouter-key", "OpenRouter API key", Error, "OPENROUTER_API_KEY",
        prefixes ["sk-or-v1-"], slot [], r"sk-or-v1-[a-f0-9]{64}"),
    provider!("deepseek-key", "DeepSeek API key", Error, "DEEPSEEK_API_KEY",
        prefixes [], slot ["DEEPSEEK"], r"sk-[a-z0-9]{32}"),
    provider!("postman-key", "Postman API key", Error, "POSTMAN_API_KEY",
        prefixes ["PMAK-"], slot [], r"PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34}"),
    provider!("doppler-token", "Doppler token", Error, "DOPPLER_TOKEN",
        prefixes ["dp.pt.", "dp.st.", "dp.sa."], slot [], r"dp\.(?:pt|st|sa)\.[A-Za-z0-9]{40,44}"),
    provider!("vault-token", "HashiCorp Vault token", Error, "VAULT_TOKEN",
        // hvr., s.: secretlint packages/@secretlint/secretlint-rule-hashicorp-vault/src/index.ts
        // @18346ba; gitleaks cmd/generate/config/rules/hashicorp_vault.go @b58d3f1
        prefixes ["hvs.", "hvb.", "hvr.", "s."], slot [],
        r"hv[sbr]\.[A-Za-z0-9_-]{90,300}|s\.[A-Za-z0-9]{24}", super::checksum::vault),
    provider!("grafana-token", "Grafana token", Error, "GRAFANA_SERVICE_ACCOUNT_TOKEN",
        // eyJrIjoi: gitleaks cmd/generate/config/rules/grafana.go @b58d3f1
        prefixes ["glsa_", "glc_", "eyJrIjoi"], slot [],
        r"(?:glsa_[A-Za-z0-9]{32}_[a-f0-9]{8}|glc_[A-Za-z0-9+/]{32,400}={0,2}|eyJrIjoi[A-Za-z0-9]{70,400}={0,2})"),
    provider!("langsmith-key", "LangSmith API key", Error, "LANGSMITH_API_KEY",
        prefixes ["lsv2_"], slot [], r"lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}"),
    provider!("figma-token", "Figma access token", Error, "FIGMA_ACCESS_TOKEN",
        prefixes ["figd_", "figp_"], slot [], r"fig[dp]_[A-Za-z0-9_=-]{40,54}"),
    provider!("atlassian-token", "Atlassian API token", Error, "ATLASSIAN_API_TOKEN",
        prefixes ["ATATT3"], slot [], r"ATATT3[A-Za-z0-9_=-]{150,250}"),
    provider!("heroku-key", "Heroku API key", Error, "HEROKU_API_KEY",
        prefixes ["HRKU-AA"], slot [], r"HRKU-AA[A-Za-z0-9_-]{58}"),
    provider!("azure-client-secret", "Azure AD client secret", Error, "AZURE_CLIENT_SECRET",
        prefixes ["Q~"], slot [], r"[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}"),
    provider!("mapbox-secret-token", "Mapbox secret token", Error, "MAPBOX_ACCESS_TOKEN",
        prefixes ["sk.eyJ"], slot [], r"sk\.eyJ[A-Za-z0-9_-]{50,}\.[A-Za-z0-9_-]{20,}"),
    provider!("browserbase-key", "Browserbase API key", Error, "BROWSERBASE_API_KEY",
        prefixes ["bb_live_", "bb_test_"], slot [], r"bb_(?:live|test)_[A-Za-z0-9_-]{27}"),
    provider!("fireworks-key", "Fireworks API key", Error, "FIREWORKS_API_KEY",
        prefixes ["fw_"], slot [], r"fw_[A-Za-z0-9]{20,40}"),
    provider!("datadog-key", "Datadog API key", Error, "DD_API_KEY",
        prefixes [], slot ["DATADOG", "DD_API", "DD_APP"], r"[a-f0-9]{32,40}"),
    provider!("together-key", "Together AI API key", Error, "TOGETHER_API_KEY",
        prefixes [], slot ["TOGETHER"], r"[a-f0-9]{64}"),
    provider!("vercel-token", "Vercel token", Error, "VERCEL_TOKEN",
        prefixes [], slot ["VERCEL"], r"[A-Za-z0-9]{24}"),
    provider!("netlify-token", "Netlify token", Error, "NETLIFY_AUTH_TOKEN",
        prefixes [], slot ["NETLIFY"], r"[A-Za-z0-9=_-]{40,46}"),
    provider!("asana-token", "Asana personal access token", Error, "ASANA_ACCESS_TOKEN",
        prefixes [], slot ["ASANA"], r"[0-9]/[0-9]{10,20}:[a-f0-9]{32}"),
    // gitleaks cmd/generate/config/rules/aws.go @b58d3f102cf3a2c84cb7f923d05c25c9b1aed84b
    provider!("aws-bedrock-key", "Amazon Bedrock API key", Error, "AWS_BEARER_TOKEN_BEDROCK",
        prefixes ["ABSK", "bedrock-api-key-"], slot [],
        r"ABSK[A-Za-z0-9+/]{109,269}={0,2}|bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/%=&?._-]*"),
    // secretlint packages/@secretlint/secretlint-rule-cloudflare/src/index.ts @18346ba
    provider!("cloudflare-prefixed-token", "Cloudflare API token or key", Error,
        "CLOUDFLARE_API_TOKEN",
        prefixes ["cfat_", "cfut_", "cfk_"], slot [],
        r"cf(?:at|ut|k)_[A-Za-z0-9]{40}[a-f0-9]{8}", super::checksum::cloudflare),
    // gitleaks cmd/generate/config/rules/cloudflare.go @b58d3f1
    provider!("cloudflare-origin-ca-key", "Cloudflare Origin CA key", Error,
        "CLOUDFLARE_ORIGIN_CA_KEY",
        prefixes ["v1.0-"], slot [], r"v1\.0-[a-f0-9]{24}-[a-f0-9]{146}"),
    // secretlint packages/@secretlint/secretlint-rule-vercel/src/index.ts @18346ba
    provider!("vercel-access-token", "Vercel access token or key", Error, "VERCEL_TOKEN",
        prefixes ["vcp_", "vci_", "vca_", "vcr_", "vck_"], slot [],
        r"vc[pciark]_[A-Za-z0-9]{20,60}"),
    // secretlint packages/@secretlint/secretlint-rule-docker/src/index.ts @18346ba
    provider!("docker-hub-token", "Docker Hub access token", Error, "DOCKER_HUB_TOKEN",
        prefixes ["dckr_pat_", "dckr_oat_"], slot [], r"dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,32}"),
    // gitleaks cmd/generate/config/rules/1password.go @b58d3f1; secretlint
    // packages/@secretlint/secretlint-rule-1password/src/index.ts @18346ba
    provider!("1password-token", "1Password service account token or secret key", Error,
        "OP_SERVICE_ACCOUNT_TOKEN",
        prefixes ["ops_eyJ", "A3-"], slot [],
        r"ops_eyJ[A-Za-z0-9+/]{100,1280}={0,3}|A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}"),
    // gitleaks cmd/generate/config/rules/hashicorp.go @b58d3f1
    provider!("terraform-cloud-token", "Terraform Cloud API token", Error, "TFE_TOKEN",
        prefixes [".atlasv1."], slot [], r"[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}"),
    // gitleaks cmd/generate/config/rules/planetscale.go @b58d3f1
    provider!("planetscale-token", "PlanetScale password or token", Error,
        "PLANETSCALE_SERVICE_TOKEN",
        prefixes ["pscale_pw_", "pscale_tkn_", "pscale_oauth_"], slot [],
        r"pscale_(?:pw|tkn|oauth)_[A-Za-z0-9_=.-]{32,64}"),
    // gitleaks cmd/generate/config/rules/airtable.go @b58d3f1
    provider!("airtable-token", "Airtable personal access token", Error, "AIRTABLE_API_KEY",
        prefixes ["pat"], slot [], r"pat[A-Za-z0-9]{14}\.[a-f0-9]{64}"),
    // gitleaks cmd/generate/config/rules/newrelic.go @b58d3f1
    provider!("newrelic-key", "New Relic API key", Error, "NEW_RELIC_API_KEY",
        prefixes ["NRAK-", "NRJS-", "NRII-"], slot [],
        r"NRAK-[A-Za-z0-9]{27}|NRJS-[a-f0-9]{19}|NRII-[A-Za-z0-9-]{32}"),
    // gitleaks cmd/generate/config/rules/pulumi.go @b58d3f1
    provider!("pulumi-token", "Pulumi access token", Error, "PULUMI_ACCESS_TOKEN",
        prefixes ["pul-"], slot [], r"pul-[a-f0-9]{40}"),
    // gitleaks cmd/generate/config/rules/sourcegraph.go @b58d3f1
    provider!("sourcegraph-token", "Sourcegraph access token", Error, "SRC_ACCESS_TOKEN",
        prefixes ["sgp_"], slot [],
        r"sgp_(?:[a-fA-F0-9]{16}|local)_[a-fA-F0-9]{40}|sgp_[a-fA-F0-9]{40}"),
    // gitleaks cmd/generate/config/rules/square.go @b58d3f1; detect-secrets
    // detect_secrets/plugins/square_oauth.py @5e14193
    provider!("square-token", "Square access token or OAuth secret", Error, "SQUARE_ACCESS_TOKEN",
        prefixes ["sq0atp-", "EAAA", "sq0csp-"], slot [],
        r"(?:EAAA|sq0atp-)[A-Za-z0-9_-]{22,60}|sq0csp-[A-Za-z0-9_-]{43}"),
    // detect-secrets detect_secrets/plugins/mailchimp.py @5e14193; gitleaks
    // cmd/generate/config/rules/mailchimp.go @b58d3f1
    provider!("mailchimp-key", "Mailchimp API key", Error, "MAILCHIMP_API_KEY",
        prefixes ["-us"], slot [], r"[0-9a-z]{32}-us[0-9]{1,2}"),
    // secretlint packages/@secretlint/secretlint-rule-tailscale/src/index.ts @18346ba
    provider!("tailscale-key", "Tailscale key", Error, "TS_AUTHKEY",
        prefixes ["tskey-"], slot [],
        r"tskey-[a-z]{2,20}-[A-Za-z0-9_]{8,40}-[A-Za-z0-9_]{16,60}"),
    // gitleaks cmd/generate/config/rules/flyio.go @b58d3f1
    provider!("flyio-token", "Fly.io access token", Error, "FLY_API_TOKEN",
        prefixes ["fo1_", "fm1a_", "fm1r_", "fm2_"], slot [],
        r"fo1_[A-Za-z0-9_-]{43}|fm1[ar]_[A-Za-z0-9+/]{100,}={0,3}|fm2_[A-Za-z0-9+/]{100,}={0,3}"),
    // gitleaks cmd/generate/config/rules/prefect.go @b58d3f1
    provider!("prefect-key", "Prefect API key", Error, "PREFECT_API_KEY",
        prefixes ["pnu_"], slot [], r"pnu_[A-Za-z0-9]{36}"),
    // gitleaks cmd/generate/config/rules/readme.go @b58d3f1
    provider!("readme-key", "ReadMe API key", Error, "README_API_KEY",
        prefixes ["rdme_"], slot [], r"rdme_[a-z0-9]{70}"),
    // gitleaks cmd/generate/config/rules/rubygems.go @b58d3f1
    provider!("rubygems-key", "RubyGems API key", Error, "GEM_HOST_API_KEY",
        prefixes ["rubygems_"], slot [], r"rubygems_[a-f0-9]{48}"),
    // gitleaks cmd/generate/config/rules/infracost.go @b58d3f1
    provider!("infracost-key", "Infracost API key", Error, "INFRACOST_API_KEY",
        prefixes ["ico-"], slot [], r"ico-[A-Za-z0-9]{32}"),
    // gitleaks cmd/generate/config/rules/age.go @b58d3f1
    provider!("age-secret-key", "age secret key", Error, "SOPS_AGE_KEY",
        prefixes ["AGE-SECRET-KEY-1"], slot [],
        r"AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}"),
    // gitleaks cmd/generate/config/rules/dynatrace.go @b58d3f1
    provider!("dynatrace-token", "Dynatrace API token", Error, "DT_API_TOKEN",
        prefixes ["dt0c01."], slot [], r"dt0c01\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{64}"),
    // gitleaks cmd/generate/config/rules/shippo.go @b58d3f1
    provider!("shippo-token", "Shippo API token", Error, "SHIPPO_API_TOKEN",
        prefixes ["shippo_live_", "shippo_test_"], slot [],
        r"shippo_(?:live|test)_[a-fA-F0-9]{40}"),
    // gitleaks cmd/generate/config/rules/easypost.go @b58d3f1
    provider!("easypost-key", "EasyPost API key", Error, "EASYPOST_API_KEY",
        prefixes ["EZAK", "EZTK"], slot [], r"EZ[AT]K[A-Za-z0-9]{54}"),
    // gitleaks cmd/generate/config/rules/duffel.go @b58d3f1
    provider!("duffel-token", "Duffel API token", Error, "DUFFEL_ACCESS_TOKEN",
        prefixes ["duffel_test_", "duffel_live_"], slot [],
        r"duffel_(?:test|live)_[A-Za-z0-9_=-]{43}"),
    // gitleaks cmd/generate/config/rules/frameio.go @b58d3f1
    provider!("frameio-token", "Frame.io API token", Error, "FRAMEIO_TOKEN",
        prefixes ["fio-u-"], slot [], r"fio-u-[A-Za-z0-9_=-]{64}"),
    // gitleaks cmd/generate/config/rules/scalingo.go @b58d3f1
    provider!("scalingo-token", "Scalingo API token", Error, "SCALINGO_API_TOKEN",
        prefixes ["tk-us-"], slot [], r"tk-us-[A-Za-z0-9_-]{48}"),
    // gitleaks cmd/generate/config/rules/sendinblue.go @b58d3f1
    provider!("brevo-key", "Brevo (Sendinblue) API key", Error, "BREVO_API_KEY",
        prefixes ["xkeysib-"], slot [], r"xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}"),
    // gitleaks cmd/generate/config/rules/clojars.go @b58d3f1
    provider!("clojars-token", "Clojars deploy token", Error, "CLOJARS_TOKEN",
        prefixes ["CLOJARS_"], slot [], r"CLOJARS_[A-Za-z0-9]{60}"),
    // gitleaks cmd/generate/config/rules/harness.go @b58d3f1
    provider!("harness-key", "Harness API key", Error, "HARNESS_API_KEY",
        prefixes ["pat.", "sat."], slot [],
        r"(?:pat|sat)\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{20}"),
    // gitleaks cmd/generate/config/rules/octopusdeploy.go @b58d3f1
    provider!("octopus-deploy-key", "Octopus Deploy API key", Error, "OCTOPUS_API_KEY",
        prefixes ["API-"], slot [], r"API-[A-Z0-9]{26}"),
    // gitleaks cmd/generate/config/rules/alibaba.go @b58d3f1
    provider!("alibaba-access-key-id", "Alibaba Cloud AccessKey ID", Error,
        "ALIBABA_CLOUD_ACCESS_KEY_ID",
        prefixes ["LTAI"], slot [], r"LTAI[A-Za-z0-9]{20}"),
    // gitleaks cmd/generate/config/rules/adobe.go @b58d3f1
    provider!("adobe-client-secret", "Adobe client secret", Error, "ADOBE_CLIENT_SECRET",
        prefixes ["p8e-"], slot [], r"p8e-[A-Za-z0-9]{32}"),
    // gitleaks cmd/generate/config/rules/artifactory.go @b58d3f1
    provider!("artifactory-token", "JFrog Artifactory API key or reference token", Error,
        "ARTIFACTORY_ACCESS_TOKEN",
        prefixes ["AKCp", "cmVmd"], slot [], r"AKCp[A-Za-z0-9]{69}|cmVmd[A-Za-z0-9]{59}"),
    // gitleaks cmd/generate/config/rules/maxmind.go @b58d3f1
    provider!("maxmind-license-key", "MaxMind license key", Error, "MAXMIND_LICENSE_KEY",
        prefixes ["_mmk"], slot [], r"[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk"),
    // gitleaks cmd/generate/config/rules/clickhouse.go @b58d3f1
    provider!("clickhouse-cloud-key", "ClickHouse Cloud API secret", Error,
        "CLICKHOUSE_API_SECRET",
        prefixes ["4b1d"], slot [], r"4b1d[A-Za-z0-9]{38}"),
    // gitleaks cmd/generate/config/rules/openshift.go @b58d3f1
    provider!("openshift-token", "OpenShift user token", Error, "OPENSHIFT_TOKEN",
        prefixes ["sha256~"], slot [], r"sha256~[A-Za-z0-9_-]{43}"),
    // gitleaks cmd/generate/config/rules/settlemint.go @b58d3f1
    provider!("settlemint-token", "SettleMint access token", Error, "SETTLEMINT_ACCESS_TOKEN",
        prefixes ["sm_aat_", "sm_pat_", "sm_sat_"], slot [], r"sm_[aps]at_[A-Za-z0-9]{16}"),
    // gitleaks cmd/generate/config/rules/facebook.go @b58d3f1
    provider!("facebook-page-token", "Facebook page access token", Error, "FACEBOOK_ACCESS_TOKEN",
        prefixes ["EAAM", "EAAC"], slot [], r"EAA[MC][A-Za-z0-9]{100,}"),
    // gitleaks cmd/generate/config/rules/intra42.go @b58d3f1
    provider!("intra42-secret", "42 intra client secret", Error, "INTRA42_CLIENT_SECRET",
        prefixes ["s-s4t2ud-", "s-s4t2af-"], slot [], r"s-s4t2(?:ud|af)-[a-f0-9]{64}"),
    // gitleaks cmd/generate/config/rules/flutterwave.go @b58d3f1
    provider!("flutterwave-key", "Flutterwave key", Error, "FLUTTERWAVE_SECRET_KEY",
        prefixes ["FLWPUBK", "FLWSECK"], slot [],
        r"FLW(?:PUB|SEC)K(?:_TEST)?-[A-Za-z0-9]{32}-X|FLWSECK_TEST-[A-Za-z0-9]{12}"),
    // gitleaks cmd/generate/config/rules/authress.go @b58d3f1
    provider!("authress-key", "Authress service client access key", Error, "AUTHRESS_KEY",
        prefixes [".acc_", ".acc-"], slot [],
        r"(?:sc|ext|scauth|authress)_[A-Za-z0-9]{5,30}\.[A-Za-z0-9]{4,6}\.acc[_-][A-Za-z0-9-]{10,32}\.[A-Za-z0-9+/_=-]{30,120}"),
    // gitleaks cmd/generate/config/rules/teams.go @b58d3f1
    provider!("teams-webhook", "Microsoft Teams webhook URL", Error, "TEAMS_WEBHOOK_URL",
        prefixes ["webhook.office.com/webhookb2/"], slot [],
        r"https://[a-z0-9]+\.webhook\.office\.com/webhookb2/[a-z0-9-]+@[a-z0-9-]+/IncomingWebhook/[a-z0-9]+/[a-z0-9-]+"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_is_complete_and_consistent() {
        assert!(PROVIDERS.len() >= 45, "{} providers", PROVIDERS.len());
        let mut ids = std::collections::HashSet::new();
        for p in PROVIDERS {
            assert!(ids.insert(p.rule.id), "{} twice", p.rule.id);
            assert!(
                !p.prefixes.is_empty() || !p.slot_words.is_empty(),
                "{} can never be found",
                p.rule.id
            );
            assert!(!p.variable.is_empty());
            for w in p.slot_words {
                assert_eq!(*w, w.to_ascii_uppercase(), "{}", p.rule.id);
            }
        }
        super::super::tokens::compile_all();
    }
}
