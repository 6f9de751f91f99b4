//! Reading a `COMMAND` record's parameters (spec, "General Information",
//! item 5): each parameter is an empty element whose `value` attribute holds
//! it, and a refusal says which parameter was wrong and what came.

use std::borrow::Cow;
use std::net::Ipv4Addr;
use std::str::FromStr;

use dvcr_protocol::Record;

/// Why a command was refused: the text of its `DESCRIPTION`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal(pub String);

impl Refusal {
    /// A refusal saying `description`.
    pub fn new(description: impl Into<String>) -> Self {
        Refusal(description.into())
    }
}

/// One command record and its canonical xmlid.
#[derive(Clone, Copy)]
pub struct Request<'m, 'a> {
    record: Record<'m, 'a>,
}

impl<'m, 'a> Request<'m, 'a> {
    /// Wraps a decoded record.
    pub fn new(record: Record<'m, 'a>) -> Self {
        Request { record }
    }

    /// The `value` of parameter `name`, as it came.
    pub fn value(&self, name: &str) -> Option<&'m str> {
        self.record.value(name)
    }

    /// Every `value` of the repeated parameter `name`, trimmed, blanks left
    /// out.
    pub fn values(&self, name: &str) -> Vec<String> {
        self.record
            .values(name)
            .map(str::trim)
            .filter(|value| !value.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// Whether parameter `name` is present at all.
    pub fn has(&self, name: &str) -> bool {
        self.record.field(name).is_some()
    }

    /// The value of `name`, which must be present.
    pub fn required(&self, name: &str) -> Result<&'m str, Refusal> {
        self.value(name)
            .ok_or_else(|| Refusal(format!("{name} is missing")))
    }

    /// The value of `name`, which must be present and not blank.
    pub fn non_blank(&self, name: &str) -> Result<&'m str, Refusal> {
        let value = self.required(name)?;
        if value.trim().is_empty() {
            return Err(Refusal(format!("{name} cannot be blank")));
        }

        Ok(value)
    }

    /// The value of `name` parsed as a number, if present and not blank.
    pub fn number<T: FromStr>(&self, name: &str) -> Result<Option<T>, Refusal> {
        let Some(text) = self
            .value(name)
            .map(str::trim)
            .filter(|text| !text.is_empty())
        else {
            return Ok(None);
        };

        text.parse()
            .map(Some)
            .map_err(|_| Refusal(format!("{name} must be a number, got {text:?}")))
    }

    /// The value of `name` as a number, which must be present.
    pub fn required_number<T: FromStr>(&self, name: &str) -> Result<T, Refusal> {
        self.number(name)?
            .ok_or_else(|| Refusal(format!("{name} is missing")))
    }

    /// The value of `name` as one of `allowed`, if present and not blank.
    pub fn choice(&self, name: &str, allowed: &[u8]) -> Result<Option<u8>, Refusal> {
        let Some(value) = self.number::<u8>(name)? else {
            return Ok(None);
        };

        if !allowed.contains(&value) {
            return Err(Refusal(format!(
                "{name} must be one of {allowed:?}, got {value}"
            )));
        }

        Ok(Some(value))
    }

    /// The value of `name` as an IPv4 address, if present and not blank.
    pub fn ipv4(&self, name: &str) -> Result<Option<&'m str>, Refusal> {
        let Some(text) = self
            .value(name)
            .map(str::trim)
            .filter(|text| !text.is_empty())
        else {
            return Ok(None);
        };

        if Ipv4Addr::from_str(text).is_err() {
            return Err(Refusal(format!(
                "{name} must be an IPv4 address, got {text:?}"
            )));
        }

        Ok(Some(text))
    }
}

/// The canonical form of an xmlid: trimmed and lowercase, as the spec's own
/// examples spell some with spaces and capitals (`" CallAndPlay "`).
pub fn canonical_xmlid(xmlid: &str) -> String {
    xmlid.trim().to_ascii_lowercase()
}

/// [`canonical_xmlid`] without a copy when `xmlid` is canonical already,
/// as nearly every command's is.
pub fn canonical_xmlid_ref(xmlid: &str) -> Cow<'_, str> {
    let trimmed = trim(xmlid);
    if trimmed.bytes().any(|byte| byte.is_ascii_uppercase()) {
        return Cow::Owned(trimmed.to_ascii_lowercase());
    }

    Cow::Borrowed(trimmed)
}

/// [`str::trim`], answered at once when `text` starts and ends with a
/// printable ASCII character, as ids and xmlids nearly always do.
pub fn trim(text: &str) -> &str {
    match text.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}
