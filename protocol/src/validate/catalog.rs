//! The tables a message is judged against: a list of commands and the
//! alias spellings of their fields.
//!
//! [`Catalog::builtin`] is the spec's own catalog; tests and tools may bundle
//! smaller tables of their own.

use crate::catalog::{self, Command, Direction, FieldAlias, FieldSpec};

/// Commands and field aliases to validate against.
#[derive(Clone, Copy, Debug)]
pub struct Catalog<'c> {
    commands: &'c [&'c Command],
    aliases: &'c [&'c [FieldAlias]],
}

impl<'c> Catalog<'c> {
    /// A catalog of these commands and these lists of aliases.
    pub const fn new(commands: &'c [&'c Command], aliases: &'c [&'c [FieldAlias]]) -> Self {
        Catalog { commands, aliases }
    }

    /// The spec's catalog: [`catalog::COMMANDS`] and every chapter's aliases.
    pub fn builtin() -> Catalog<'static> {
        Catalog::new(catalog::COMMANDS, catalog::ALIASES)
    }

    /// The commands of the catalog.
    pub fn commands(&self) -> &'c [&'c Command] {
        self.commands
    }

    /// The command whose `xmlid` is `xmlid`, and whether the spelling matched
    /// exactly (`true`) or only when case is ignored (`false`).
    pub fn lookup(&self, xmlid: &str) -> Option<(&'c Command, bool)> {
        let exact = self
            .commands
            .iter()
            .copied()
            .find(|command| command.xmlid == xmlid);
        if let Some(command) = exact {
            return Some((command, true));
        }

        self.commands
            .iter()
            .copied()
            .find(|command| command.xmlid.eq_ignore_ascii_case(xmlid))
            .map(|command| (command, false))
    }

    /// The table field that `name` is a known alias of, in records of
    /// `direction` of `command`.
    pub fn resolve_alias(
        &self,
        command: &Command,
        direction: Direction,
        name: &str,
    ) -> Option<&'static FieldSpec> {
        self.aliases
            .iter()
            .flat_map(|list| list.iter())
            .filter(|(xmlid, alias_direction, alias, _)| {
                xmlid.eq_ignore_ascii_case(command.xmlid)
                    && *alias_direction == direction
                    && *alias == name
            })
            .find_map(|(_, _, _, table_name)| command.field(direction, table_name))
    }
}
