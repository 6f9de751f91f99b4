//! The message model: one `DVCRMANAGER` document with its records and fields
//! (spec, "General Information", items 3 and 5).
//!
//! A [`Message`] borrows its text from the frame it was decoded from. Text is
//! only owned where an entity or character reference had to be unescaped, or
//! where a caller built the message from owned strings.
//!
//! Records, fields and attributes are kept in three flat vectors, so that a
//! decoder can [`recycle`](Message::recycle) one message's allocations for
//! the next frame and a steady stream performs no heap allocation.

use std::borrow::Cow;
use std::fmt;

/// Text taken from a message: borrowed from the frame, or owned when it had
/// to be unescaped.
pub type Text<'a> = Cow<'a, str>;

/// The protocol version every example of the spec carries on its root.
pub const PROTOCOL_VERSION: &str = "1.0.0.0";

/// The attribute that carries a field's content.
const VALUE: &str = "value";

/// What a record is: a request, its reply, or a pushed notification.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A request from a client (`<COMMAND>`).
    Command,
    /// A reply from the server to a command (`<CONFIRM>`).
    Confirm,
    /// A change pushed by the server, unasked (`<INDICATION>`).
    Indication,
}

impl Kind {
    /// Every kind, in the order the spec introduces them.
    pub const ALL: [Kind; 3] = [Kind::Command, Kind::Confirm, Kind::Indication];

    /// The element name of a record of this kind.
    pub const fn element(self) -> &'static str {
        match self {
            Kind::Command => "COMMAND",
            Kind::Confirm => "CONFIRM",
            Kind::Indication => "INDICATION",
        }
    }

    /// The kind whose element name is exactly `name`.
    pub fn from_element(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.element() == name)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.element())
    }
}

/// One attribute of a field, such as `value="0"` or `name="liling"`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Attribute<'a> {
    /// The attribute's name.
    pub name: Text<'a>,
    /// The attribute's value, unescaped.
    pub value: Text<'a>,
}

/// One record as stored: its fields run from `first_field` to the next
/// record's `first_field` (or the end) in the message's field list.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct RecordEntry<'a> {
    pub(crate) kind: Kind,
    pub(crate) xmlid: Text<'a>,
    pub(crate) first_field: usize,
}

/// One field as stored: its attributes run from `first_attribute` to the
/// next field's `first_attribute` (or the end) in the attribute list.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct FieldEntry<'a> {
    pub(crate) element: Text<'a>,
    pub(crate) first_attribute: usize,
}

/// One `DVCRMANAGER` document: its version and its records in order.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Message<'a> {
    version: Text<'a>,
    records: Vec<RecordEntry<'a>>,
    fields: Vec<FieldEntry<'a>>,
    attributes: Vec<Attribute<'a>>,
}

impl<'a> Message<'a> {
    /// An empty message whose root carries `version`.
    pub fn new(version: impl Into<Text<'a>>) -> Self {
        Message {
            version: version.into(),
            ..Message::default()
        }
    }

    /// A message with one record and no fields, at [`PROTOCOL_VERSION`].
    pub fn single(kind: Kind, xmlid: impl Into<Text<'a>>) -> Self {
        let mut message = Message::new(PROTOCOL_VERSION);
        message.push_record(kind, xmlid);
        message
    }

    /// The `version` attribute of the root element.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Replaces the `version` attribute of the root element.
    #[inline]
    pub fn set_version(&mut self, version: impl Into<Text<'a>>) {
        self.version = version.into();
    }

    /// How many records the message holds.
    pub fn record_count(&self) -> usize {
        self.records.len()
    }

    /// How many fields the message holds, over all its records.
    pub fn field_count(&self) -> usize {
        self.fields.len()
    }

    /// The record at `index`, in document order.
    pub fn record(&self, index: usize) -> Option<Record<'_, 'a>> {
        (index < self.records.len()).then_some(Record {
            message: self,
            index,
        })
    }

    /// The first record, which is the only one in most messages.
    pub fn first(&self) -> Option<Record<'_, 'a>> {
        self.record(0)
    }

    /// The records in document order.
    pub fn records(&self) -> impl ExactSizeIterator<Item = Record<'_, 'a>> + '_ {
        (0..self.records.len()).map(move |index| Record {
            message: self,
            index,
        })
    }

    /// The field pushed last, over all records, if there is one.
    pub fn last_field(&self) -> Option<Field<'_, 'a>> {
        let index = self.fields.len().checked_sub(1)?;
        Some(Field {
            message: self,
            index,
        })
    }

    /// Appends a record; the fields pushed after it belong to it.
    pub fn push_record(&mut self, kind: Kind, xmlid: impl Into<Text<'a>>) -> &mut Self {
        self.records.push(RecordEntry {
            kind,
            xmlid: xmlid.into(),
            first_field: self.fields.len(),
        });
        self
    }

    /// Appends a field with no attributes to the last record.
    ///
    /// A message with no record yet has nowhere to put a field, so the call
    /// then does nothing.
    pub fn push_field(&mut self, element: impl Into<Text<'a>>) -> &mut Self {
        if self.records.is_empty() {
            return self;
        }

        self.fields.push(FieldEntry {
            element: element.into(),
            first_attribute: self.attributes.len(),
        });
        self
    }

    /// Appends an attribute to the last field of the last record.
    ///
    /// When the last record has no field yet the call does nothing.
    pub fn push_attribute(
        &mut self,
        name: impl Into<Text<'a>>,
        value: impl Into<Text<'a>>,
    ) -> &mut Self {
        let last_record_has_field = self
            .records
            .last()
            .is_some_and(|record| record.first_field < self.fields.len());
        if !last_record_has_field {
            return self;
        }

        self.attributes.push(Attribute {
            name: name.into(),
            value: value.into(),
        });
        self
    }

    /// Appends a field carrying a single `value` attribute to the last record.
    ///
    /// A message with no record yet has nowhere to put a field, so the call
    /// then does nothing, as [`push_field`](Message::push_field) does.
    pub fn push_value(
        &mut self,
        element: impl Into<Text<'a>>,
        value: impl Into<Text<'a>>,
    ) -> &mut Self {
        self.push_value_text(element.into(), value.into());
        self
    }

    /// [`push_value`](Message::push_value) of borrowed text, always inlined
    /// for the decoder, which pushes one per plain field.
    #[inline(always)]
    pub(crate) fn push_borrowed_value(&mut self, element: &'a str, value: &'a str) {
        self.push_value_text(Cow::Borrowed(element), Cow::Borrowed(value));
    }

    #[inline(always)]
    fn push_value_text(&mut self, element: Text<'a>, value: Text<'a>) {
        if self.records.is_empty() {
            return;
        }

        self.fields.push(FieldEntry {
            element,
            first_attribute: self.attributes.len(),
        });
        self.attributes.push(Attribute {
            name: Cow::Borrowed(VALUE),
            value,
        });
    }

    /// Removes every record, keeping the allocations.
    #[inline]
    pub fn clear(&mut self) {
        self.version = Cow::Borrowed("");
        self.records.clear();
        self.fields.clear();
        self.attributes.clear();
    }

    /// Empties the message and hands its allocations to a message of another
    /// lifetime, so a decoder can reuse them for the next frame.
    pub fn recycle<'b>(self) -> Message<'b> {
        Message {
            version: Cow::Borrowed(""),
            records: reuse(self.records),
            fields: reuse(self.fields),
            attributes: reuse(self.attributes),
        }
    }

    /// A copy that owns all its text and borrows nothing.
    pub fn into_owned(self) -> Message<'static> {
        Message {
            version: Cow::Owned(self.version.into_owned()),
            records: self
                .records
                .into_iter()
                .map(|record| RecordEntry {
                    kind: record.kind,
                    xmlid: Cow::Owned(record.xmlid.into_owned()),
                    first_field: record.first_field,
                })
                .collect(),
            fields: self
                .fields
                .into_iter()
                .map(|field| FieldEntry {
                    element: Cow::Owned(field.element.into_owned()),
                    first_attribute: field.first_attribute,
                })
                .collect(),
            attributes: self
                .attributes
                .into_iter()
                .map(|attribute| Attribute {
                    name: Cow::Owned(attribute.name.into_owned()),
                    value: Cow::Owned(attribute.value.into_owned()),
                })
                .collect(),
        }
    }

    /// The records as stored, for walking the flat lists without a lookup
    /// per item (the encoder does).
    pub(crate) fn record_entries(&self) -> &[RecordEntry<'a>] {
        &self.records
    }

    /// The fields of every record as stored, in document order.
    pub(crate) fn field_entries(&self) -> &[FieldEntry<'a>] {
        &self.fields
    }

    /// The attributes of every field as stored, in document order.
    pub(crate) fn attribute_entries(&self) -> &[Attribute<'a>] {
        &self.attributes
    }

    fn field_range(&self, record: usize) -> std::ops::Range<usize> {
        let start = self.records.get(record).map_or(0, |r| r.first_field);
        let end = self
            .records
            .get(record + 1)
            .map_or(self.fields.len(), |r| r.first_field);
        start..end
    }

    fn attribute_range(&self, field: usize) -> std::ops::Range<usize> {
        let start = self.fields.get(field).map_or(0, |f| f.first_attribute);
        let end = self
            .fields
            .get(field + 1)
            .map_or(self.attributes.len(), |f| f.first_attribute);
        start..end
    }
}

/// Moves a vector's allocation to a vector of a type with the same layout.
///
/// The vector is emptied first, and collecting an empty `IntoIter` through
/// `filter_map` into a type of the same size and alignment reuses the buffer
/// in place; the allocation test of this crate checks that it does.
fn reuse<T, U>(mut items: Vec<T>) -> Vec<U> {
    items.clear();
    items.into_iter().filter_map(|_| None).collect()
}

/// One record of a message: a `COMMAND`, `CONFIRM` or `INDICATION`.
#[derive(Clone, Copy)]
pub struct Record<'m, 'a> {
    message: &'m Message<'a>,
    index: usize,
}

impl<'m, 'a> Record<'m, 'a> {
    fn entry(self) -> Option<&'m RecordEntry<'a>> {
        self.message.records.get(self.index)
    }

    /// The record's position in its message.
    pub fn index(self) -> usize {
        self.index
    }

    /// Whether this is a command, a confirm or an indication.
    pub fn kind(self) -> Kind {
        self.entry().map_or(Kind::Command, |entry| entry.kind)
    }

    /// The record's `xmlid` attribute, as it came.
    pub fn xmlid(self) -> &'m str {
        self.entry().map_or("", |entry| &entry.xmlid)
    }

    /// The record's fields in document order, repeated ones included.
    pub fn fields(self) -> impl ExactSizeIterator<Item = Field<'m, 'a>> + 'm {
        let message = self.message;
        message
            .field_range(self.index)
            .map(move |index| Field { message, index })
    }

    /// The first field named `element`.
    pub fn field(self, element: &str) -> Option<Field<'m, 'a>> {
        self.fields().find(|field| field.name() == element)
    }

    /// The `value` of the first field named `element`.
    pub fn value(self, element: &str) -> Option<&'m str> {
        self.field(element).and_then(|field| field.value())
    }

    /// The `value` of every field named `element`, in order.
    pub fn values<'s>(self, element: &'s str) -> impl Iterator<Item = &'m str> + use<'m, 'a, 's> {
        self.fields()
            .filter(move |field| field.name() == element)
            .filter_map(|field| field.value())
    }
}

/// One field of a record: an empty element and its attributes.
#[derive(Clone, Copy)]
pub struct Field<'m, 'a> {
    message: &'m Message<'a>,
    index: usize,
}

impl<'m, 'a> Field<'m, 'a> {
    /// The element name, such as `RESULT` or `SESSIONID`.
    pub fn name(self) -> &'m str {
        self.message
            .fields
            .get(self.index)
            .map_or("", |field| &field.element)
    }

    /// The field's attributes in document order.
    pub fn attributes(self) -> &'m [Attribute<'a>] {
        let range = self.message.attribute_range(self.index);
        self.message.attributes.get(range).unwrap_or_default()
    }

    /// The value of the attribute named `name`.
    pub fn attribute(self, name: &str) -> Option<&'m str> {
        self.attributes()
            .iter()
            .find(|attribute| attribute.name == name)
            .map(|attribute| attribute.value.as_ref())
    }

    /// The `value` attribute, which carries the field's content.
    pub fn value(self) -> Option<&'m str> {
        self.attribute(VALUE)
    }
}

impl fmt::Debug for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Message")
            .field("version", &self.version())
            .field("records", &RecordList(self))
            .finish()
    }
}

struct RecordList<'m, 'a>(&'m Message<'a>);

impl fmt::Debug for RecordList<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.records()).finish()
    }
}

impl fmt::Debug for Record<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct(self.kind().element())
            .field("xmlid", &self.xmlid())
            .field("fields", &FieldList(*self))
            .finish()
    }
}

struct FieldList<'m, 'a>(Record<'m, 'a>);

impl fmt::Debug for FieldList<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.fields()).finish()
    }
}

impl fmt::Debug for Field<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut field = f.debug_struct(self.name());
        for attribute in self.attributes() {
            field.field(&attribute.name, &attribute.value);
        }
        field.finish()
    }
}
