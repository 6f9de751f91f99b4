//! What must hold of a device's state whatever it was sent (spec, "Account
//! Management" and "H.323 Connections"): names and ids are unique, groups
//! hold only existing accounts, and links are in a consistent state. The
//! fuzz oracle `emulator_session` checks them after every command.

use std::collections::BTreeSet;

use super::state::{LinkStatus, State};

/// The first index the device gives an H.323 link (spec, "GETEPLINK").
const FIRST_LINK_INDEX: u32 = 1024;

/// A broken invariant of the state, saying what and where.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Violation {
    /// Two items of one kind share a name or an id.
    #[error("{what} {value:?} appears more than once")]
    Duplicate {
        /// What is repeated, such as "user name".
        what: &'static str,
        /// The repeated value.
        value: String,
    },
    /// A group lists a member that is neither a user nor an endpoint.
    #[error("group {group:?} lists member {member:?}, expected a user or endpoint id")]
    UnknownMember {
        /// The group's name.
        group: String,
        /// The member's GUID.
        member: String,
    },
    /// A link whose index is below the first one the device gives.
    #[error("link index {index}, expected {FIRST_LINK_INDEX} or above")]
    LinkIndex {
        /// The link's index.
        index: u32,
    },
    /// A link whose recording start does not match its status.
    #[error("link {index} is {status:?} with recording start {since_ms:?}")]
    LinkRecording {
        /// The link's index.
        index: u32,
        /// Its status.
        status: LinkStatus,
        /// When its recording started, if it has one.
        since_ms: Option<u64>,
    },
    /// A live stream that belongs to a link that is gone.
    #[error("live stream {id:?} belongs to link {link}, which does not exist")]
    OrphanStream {
        /// The stream's `CONF_ID`.
        id: String,
        /// The link it names.
        link: u32,
    },
}

impl State {
    /// Checks the invariants of the state; the first one broken is returned.
    pub fn check_invariants(&self) -> Result<(), Violation> {
        unique("user name", self.users.iter().map(|u| u.name.as_str()))?;
        unique(
            "endpoint name",
            self.endpoints.iter().map(|e| e.name.as_str()),
        )?;
        unique("group name", self.groups.iter().map(|g| g.name.as_str()))?;
        unique("room name", self.rooms.iter().map(|r| r.name.as_str()))?;
        let account_ids = self.users.iter().map(|u| u.id.as_str());
        let account_ids = account_ids.chain(self.endpoints.iter().map(|e| e.id.as_str()));
        unique("account id", account_ids)?;
        unique("group id", self.groups.iter().map(|g| g.id.as_str()))?;
        unique("media id", self.media.iter().map(|m| m.id.as_str()))?;
        self.check_members()?;
        self.check_links()
    }

    fn check_members(&self) -> Result<(), Violation> {
        let accounts: BTreeSet<&str> = self
            .users
            .iter()
            .map(|u| u.id.as_str())
            .chain(self.endpoints.iter().map(|e| e.id.as_str()))
            .collect();
        for group in &self.groups {
            if let Some(member) = group
                .members
                .iter()
                .find(|m| !accounts.contains(m.as_str()))
            {
                return Err(Violation::UnknownMember {
                    group: group.name.clone(),
                    member: member.clone(),
                });
            }
        }
        Ok(())
    }

    fn check_links(&self) -> Result<(), Violation> {
        let indexes = self.links.iter().map(|link| link.index.to_string());
        unique(
            "link index",
            indexes.collect::<Vec<_>>().iter().map(String::as_str),
        )?;
        for link in &self.links {
            if link.index < FIRST_LINK_INDEX {
                return Err(Violation::LinkIndex { index: link.index });
            }

            let recording = matches!(link.status, LinkStatus::Recording | LinkStatus::Paused);
            if recording != link.recording_since_ms.is_some() {
                return Err(Violation::LinkRecording {
                    index: link.index,
                    status: link.status,
                    since_ms: link.recording_since_ms,
                });
            }
        }

        for media in &self.media {
            let Some(link) = media.link else {
                continue;
            };

            if self.link(link).is_none() {
                return Err(Violation::OrphanStream {
                    id: media.id.clone(),
                    link,
                });
            }
        }
        Ok(())
    }
}

/// The first value `values` holds twice, as a [`Violation::Duplicate`].
fn unique<'s>(what: &'static str, values: impl Iterator<Item = &'s str>) -> Result<(), Violation> {
    let mut seen = BTreeSet::new();
    for value in values {
        if !seen.insert(value) {
            return Err(Violation::Duplicate {
                what,
                value: value.to_owned(),
            });
        }
    }
    Ok(())
}
