//! The vocabulary the catalog's tables are written in.

/// One command of the spec: its request, its reply and its notification.
#[derive(Debug)]
pub struct Command {
    /// The `xmlid` the spec's section heading names, in lower case.
    pub xmlid: &'static str,
    /// The spec section, as a title path: `Login/Logout / Login`.
    pub section: &'static str,
    /// What the command does, in the spec's words.
    pub summary: &'static str,
    /// Whether the device implements the command at all.
    pub status: Status,
    /// Whether the spec says the command is for the Web UI only.
    pub web_ui_only: bool,
    /// Whether the command changes device state (and so needs cleanup).
    pub changes_state: bool,
    /// The parameters of the `COMMAND` record.
    pub command: &'static [FieldSpec],
    /// The fields of each `CONFIRM` record.
    pub confirm: &'static [FieldSpec],
    /// How many `CONFIRM` records a successful reply holds.
    pub replies: Replies,
    /// The fields of the `INDICATION` pushed to other sessions, where the
    /// spec shows one.
    pub indication: Option<&'static [FieldSpec]>,
}

impl Command {
    /// The fields a record of the given direction may carry.
    pub fn fields(&self, direction: Direction) -> Option<&'static [FieldSpec]> {
        match direction {
            Direction::Command => Some(self.command),
            Direction::Confirm => Some(self.confirm),
            Direction::Indication => self.indication,
        }
    }

    /// The field named `name` in records of the given direction.
    pub fn field(&self, direction: Direction, name: &str) -> Option<&'static FieldSpec> {
        self.fields(direction)?
            .iter()
            .find(|field| field.name == name)
    }
}

/// Which of a command's three records a field list belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// The `COMMAND` a client sends.
    Command,
    /// The `CONFIRM` the device replies with.
    Confirm,
    /// The `INDICATION` the device pushes to other sessions.
    Indication,
}

/// Whether a device is expected to carry out a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// The spec documents the command and its behaviour.
    Implemented,
    /// The spec marks the command "No implementation".
    NotImplemented,
}

/// How many `CONFIRM` records answer one command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Replies {
    /// Exactly one record.
    One,
    /// One record per item listed (endpoints, users, rooms, archives...);
    /// none is possible when there is nothing to list.
    PerItem,
}

/// One field of a record, as a row of the spec's parameter tables.
#[derive(Debug)]
pub struct FieldSpec {
    /// The element name, such as `SESSIONID`.
    pub name: &'static str,
    /// Whether it must appear, may appear, or may repeat.
    pub presence: Presence,
    /// The values its `value` attribute may take.
    pub value: ValueType,
    /// Whether the field also carries a `name` attribute, as the spec's
    /// examples of group members do.
    pub name_attribute: bool,
    /// Whether the spec says the field is for the Web UI only.
    pub web_ui_only: bool,
    /// Whether the field may hold an empty value even where it is
    /// required: the address of an outside server that a switch of the same
    /// settings turns on, left blank while unset. The spec's GETLDAP example
    /// answers `LDAP_SERVER ""` beside `USE_LDAP 0`; the catalog does not tie
    /// the blank to the switch's value (see ERRATA E052).
    pub blank_when_unset: bool,
    /// The spec's description of the field.
    pub doc: &'static str,
}

/// How often a field appears in one record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Presence {
    /// Exactly once.
    Required,
    /// At most once.
    Optional,
    /// Any number of times, none included.
    Repeatable,
}

/// The values a field's `value` attribute may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueType {
    /// The spec's GUID form: 8-4-4-16 hexadecimal digits, as in every
    /// example (`7e76c583-2215-4c89-9a1af7a6c4ed8f11`).
    Guid,
    /// A decimal integer within an inclusive range.
    Integer {
        /// The smallest value allowed.
        min: i64,
        /// The largest value allowed.
        max: i64,
    },
    /// One of a fixed set of values, each with the spec's meaning.
    Enumeration(&'static [(&'static str, &'static str)]),
    /// A dotted-quad IPv4 address.
    Ipv4,
    /// An IPv4 address or a DNS name.
    Host,
    /// A date and time in the spec's `Mon D,YYYY HH:MM:SS` form, as in
    /// `May 19,2006 15:06:00`.
    DateTime,
    /// A duration in the spec's `HH:MM:SS` form.
    Duration,
    /// Exactly this many decimal digits, such as the 6-digit QUICKCODE.
    Digits(usize),
    /// Free text of at most this many characters.
    Text {
        /// The most characters allowed, when the spec gives a bound.
        max_chars: Option<usize>,
    },
}
