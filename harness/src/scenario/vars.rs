//! Variables of a scenario run: `${name}` in any value a step sends or
//! checks is replaced by the variable's text. The run sets a few
//! (`run` — a short token unique to the run, `user`, `password`), and a step's
//! `capture` sets others from the reply it got.

use std::collections::BTreeMap;

/// The variables every run sets before the first step.
pub const BUILT_IN: [&str; 3] = ["run", "user", "password"];

/// A variable a step used before any step or the run set it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("variable ${{{name}}} is not set, expected a capture or a run variable before it")]
pub struct UnsetVariable {
    /// The variable's name.
    pub name: String,
}

/// The variables set so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Vars {
    values: BTreeMap<String, String>,
}

impl Vars {
    /// No variable set.
    pub fn new() -> Self {
        Vars::default()
    }

    /// Sets `name` to `value`.
    pub fn set(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.values.insert(name.into(), value.into());
    }

    /// The first variable of `names` not set, if any.
    pub fn first_unset<'n>(&self, names: &'n [String]) -> Option<&'n str> {
        names
            .iter()
            .map(String::as_str)
            .find(|name| self.get(name).is_none())
    }

    /// The value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    /// `text` with every `${name}` replaced; `$$` stands for one `$`.
    pub fn expand(&self, text: &str) -> Result<String, UnsetVariable> {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find('$') {
            out.push_str(&rest[..at]);
            let after = &rest[at + 1..];
            if let Some(tail) = after.strip_prefix('$') {
                out.push('$');
                rest = tail;
                continue;
            }

            let Some(body) = after.strip_prefix('{') else {
                out.push('$');
                rest = after;
                continue;
            };

            let Some(end) = body.find('}') else {
                out.push_str(&rest[at..]);
                return Ok(out);
            };

            let name = &body[..end];
            let value = self.get(name).ok_or_else(|| UnsetVariable {
                name: name.to_owned(),
            })?;
            out.push_str(value);
            rest = &body[end + 1..];
        }
        out.push_str(rest);
        Ok(out)
    }

    /// The names of the variables `text` uses.
    pub fn used(text: &str) -> Vec<&str> {
        let mut names = Vec::new();
        let mut rest = text;
        while let Some(at) = rest.find("${") {
            let body = &rest[at + 2..];
            let Some(end) = body.find('}') else {
                break;
            };

            names.push(&body[..end]);
            rest = &body[end + 1..];
        }
        names
    }
}
