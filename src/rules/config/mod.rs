//! `config/`: mistakes a schema expresses badly, found on each server entry, and mistakes in
//! mcplint's own suppressions and settings.

pub mod command_and_url;
pub mod empty_command;
pub mod ignored_root;
pub mod insecure_url;
pub mod invalid_settings;
pub mod invalid_url;
pub mod missing_type;
pub mod placeholder_value;
pub mod stdio_with_url;
pub mod unused_suppression;

pub use command_and_url::COMMAND_AND_URL;
pub use empty_command::EMPTY_COMMAND;
pub use insecure_url::INSECURE_URL;
pub use invalid_settings::INVALID_SETTINGS;
pub use invalid_url::INVALID_URL;
pub use missing_type::MISSING_TYPE;
pub use placeholder_value::PLACEHOLDER_VALUE;
pub use stdio_with_url::STDIO_WITH_URL;
pub use unused_suppression::UNUSED_SUPPRESSION;

use crate::rules::context::{EntryContext, EntryUrl};
use crate::source::Span;

/// The `url` to check, as resolved: `None` when there is none, when it is the field the
/// entry's transport ignores (`config/command-and-url`, `config/stdio-with-url`), when
/// resolving it failed (reported already) or when it still holds a reference the client
/// fills in. The flag says whether it was built from variables.
pub(crate) fn url_to_check<'e>(
    cx: &'e EntryContext,
) -> Option<(&'static str, Span, &'e str, bool)> {
    let field = cx.url_field()?;
    let (span, url) = cx.string(field)?;
    if cx.ignored_field() == Some(field) {
        return None;
    }
    let resolved = cx
        .resolved
        .get(field)
        .and_then(serde_json::Value::as_str)
        .unwrap_or(url);
    let templated = url.contains('$');
    if templated && cx.failed.contains(&cx.pointer(field))
        || crate::env::dollar::find_open(resolved).is_some()
    {
        return None;
    }
    Some((field, span, resolved, templated))
}

/// [`url_to_check`] with its [`scheme_and_host`], worked out once per entry.
pub(crate) fn entry_url<'c>(cx: &'c EntryContext) -> Option<&'c EntryUrl> {
    cx.url
        .get_or_init(|| {
            let (field, span, url, templated) = url_to_check(cx)?;
            let (scheme, host) = scheme_and_host(url);
            Some(EntryUrl {
                field,
                span,
                templated,
                scheme,
                host,
            })
        })
        .as_ref()
}

/// A URL's lower-cased scheme and host, when it is an absolute IRI (so that an
/// internationalised host name is not taken for a mistake).
pub(crate) fn scheme_and_host(url: &str) -> (Option<String>, Option<String>) {
    let parsed = fluent_uri::Iri::parse(url.trim()).ok();
    let scheme = parsed
        .as_ref()
        .map(|u| u.scheme().as_str().to_ascii_lowercase());
    let host = parsed
        .as_ref()
        .and_then(|u| u.authority().map(|a| a.host().to_ascii_lowercase()));
    (scheme, host)
}

/// Whether an http(s) URL is well formed: a scheme of `http` or `https` and a host.
pub(crate) fn is_http_url(scheme: Option<&str>, host: Option<&str>) -> bool {
    matches!(scheme, Some("http" | "https")) && host.is_some_and(|h| !h.is_empty())
}
