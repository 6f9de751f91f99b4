//! The serde baseline: the model a user of serde and quick-xml would write
//! for a `DVCRMANAGER` document (spec, "General Information", item 5),
//! owning its text as serde models usually do.
//!
//! Field elements have free names (`RESULT`, `SESSIONID`, ...), which no
//! derived struct can list, so a record's body is read and written as a map
//! from element name to attributes, the way quick-xml presents children;
//! everything else is derived.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The root element.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename = "DVCRMANAGER")]
pub struct Document {
    /// The protocol version.
    #[serde(rename = "@version")]
    pub version: String,
    /// The records in order.
    #[serde(rename = "$value")]
    pub records: Vec<Record>,
}

/// One record, named by its element.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum Record {
    /// `<COMMAND>`.
    #[serde(rename = "COMMAND")]
    Command(Body),
    /// `<CONFIRM>`.
    #[serde(rename = "CONFIRM")]
    Confirm(Body),
    /// `<INDICATION>`.
    #[serde(rename = "INDICATION")]
    Indication(Body),
}

/// A record's `xmlid` and fields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Body {
    /// The `xmlid` attribute.
    pub xmlid: String,
    /// The fields in order, each with its element name.
    pub fields: Vec<(String, Field)>,
}

/// The attributes of one field element.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct Field {
    /// The `value` attribute.
    #[serde(rename = "@value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The `name` attribute some list replies carry.
    #[serde(rename = "@name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// Parses `payload` into a [`Document`].
pub fn decode(payload: &[u8]) -> Result<Document, quick_xml::DeError> {
    let text =
        std::str::from_utf8(payload).map_err(|e| quick_xml::DeError::Custom(e.to_string()))?;
    quick_xml::de::from_str(text)
}

/// Writes `document` into `out`, which is cleared first.
pub fn encode(document: &Document, out: &mut String) -> Result<(), quick_xml::SeError> {
    out.clear();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n");
    quick_xml::se::to_writer(out, document).map(|_| ())
}

impl Serialize for Body {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.fields.len() + 1))?;
        map.serialize_entry("@xmlid", &self.xmlid)?;
        for (name, field) in &self.fields {
            map.serialize_entry(name, field)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Body {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(BodyVisitor)
    }
}

struct BodyVisitor;

impl<'de> Visitor<'de> for BodyVisitor {
    type Value = Body;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a record with an xmlid and fields")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Body, A::Error> {
        let mut body = Body::default();
        while let Some(key) = map.next_key::<String>()? {
            if key == "@xmlid" {
                body.xmlid = map.next_value()?;
            } else {
                let field = map.next_value()?;
                body.fields.push((key, field));
            }
        }
        Ok(body)
    }
}
