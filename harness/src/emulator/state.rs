//! Everything the emulated device remembers: accounts (spec, "Account
//! Management"), meeting rooms and single point settings ("Recording
//! Settings"), archives and live streams ("Archives / Live Streaming"), H.323
//! links ("H.323 Connections") and the system settings blocks.
//!
//! The state is plain data with serde derives, so that a fixture file or a
//! saved state reads as TOML a person can edit.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The whole device state.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct State {
    /// Web and API user accounts.
    pub users: Vec<User>,
    /// Endpoint accounts.
    pub endpoints: Vec<Endpoint>,
    /// Groups of users and endpoints.
    pub groups: Vec<Group>,
    /// Single point recording settings.
    pub single_point: SinglePoint,
    /// Point-to-point meeting rooms.
    pub rooms: Vec<Room>,
    /// Archives (`catalog = 0`) and live streams (`catalog = 1`).
    pub media: Vec<Media>,
    /// Current H.323 connections.
    pub links: Vec<Link>,
    /// CFS activation state.
    pub cfs: Cfs,
    /// IVR message files that were replaced, by language and message index.
    pub ivr: Vec<IvrFile>,
    /// Welcome banner text by language index (`"0"` English).
    pub banners: BTreeMap<String, String>,
    /// Archives being multicast, by `CONF_ID`.
    pub file_multicasts: Vec<String>,
    /// Flat settings blocks by name (`network`, `gatekeeper`, `storage`...),
    /// each a map of spec field name to value; see `settings.rs`.
    pub settings: BTreeMap<String, BTreeMap<String, String>>,
}

/// A user account (spec, "Users").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct User {
    /// `USERID`.
    pub id: String,
    /// `USERNAME`, unique.
    pub name: String,
    /// `FULLNAME`.
    pub full_name: String,
    /// `EMAIL`.
    pub email: String,
    /// `PASSWORD`.
    pub password: String,
    /// `PRIVILEGE`: 0 administrator, 1 ordinary.
    pub privilege: u8,
}

/// An endpoint account (spec, "Endpoints").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Endpoint {
    /// `SOURCEID`.
    pub id: String,
    /// `SOURCENAME`, unique.
    pub name: String,
    /// `SOURCEIP`, never blank.
    pub ip: String,
    /// `FLAG`: 1 when the endpoint records immediately.
    pub flag: u8,
    /// `E164`.
    pub e164: String,
    /// `H323`.
    pub h323: String,
    /// `TITLE`, reserved.
    pub title: String,
}

/// A group of users and endpoints (spec, "Groups").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Group {
    /// `GROUPID`.
    pub id: String,
    /// `GROUPNAME`, unique.
    pub name: String,
    /// `DESCRIPTION`.
    pub description: String,
    /// GUIDs of the member users and endpoints, in the order given.
    pub members: Vec<String>,
}

/// Single point recording settings (spec, "Single Point Settings").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SinglePoint {
    /// `DUALVIDEO`.
    pub dual_video: u8,
    /// `IFRAMEINTERVAL`, minutes.
    pub iframe_interval: u32,
    /// `BROADCAST`.
    pub broadcast: u8,
    /// `RECORDRIGHT`.
    pub record_right: u8,
    /// `VIEWRIGHT`.
    pub view_right: u8,
    /// `RECORDID`: GUIDs of the groups allowed when `RECORDRIGHT` is 1.
    pub record_ids: Vec<String>,
}

/// A point-to-point meeting room (spec, "Point to Point Settings").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Room {
    /// `INDEX`, given by the device.
    pub index: u32,
    /// `ROOM_ID`: the room's name, unique.
    pub name: String,
    /// `ROOM_NUM`: the E.164 suffix.
    pub number: String,
    /// `DUALVIDEO` (echoed as `H239` too).
    pub dual_video: u8,
    /// `BROADCAST`.
    pub broadcast: u8,
    /// `RATE`, kbit/s.
    pub rate: u32,
    /// `PARTIMAX`.
    pub max_participants: u32,
    /// `RECORDRIGHT`.
    pub record_right: u8,
    /// `VIEWRIGHT`.
    pub view_right: u8,
    /// `IFRAMEINTERVAL`.
    pub iframe_interval: u32,
    /// `VIDEO_FORMAT`: 0 H.261, 1 H.263, 2 H.263+, 3 H.264.
    pub video_format: u8,
    /// `RECORDID`: groups with access to the room.
    pub record_ids: Vec<String>,
    /// `VIEWID`: groups that may view its archives.
    pub view_ids: Vec<String>,
}

/// An archive or a live stream (spec, "Archives / Live Streaming").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Media {
    /// `CONF_ID`.
    pub id: String,
    /// `NAME`.
    pub name: String,
    /// `DESCRIPTION`.
    pub description: String,
    /// `REC_TIME`, in the spec's `Jun 15,2006 22:15:35` form.
    pub rec_time: String,
    /// `DURATION`, `HH:MM:SS`.
    pub duration: String,
    /// `SIZE`, KB.
    pub size: u64,
    /// `RATE`.
    pub rate: u32,
    /// `H239`.
    pub h239: u8,
    /// `URL`: the file for an archive, the port for a live stream.
    pub url: String,
    /// `VIDEO_FORMAT`, as text (`H.264`).
    pub video_format: String,
    /// `CATALOG`: 0 archive, 1 live stream.
    pub catalog: u8,
    /// `UPLOAD`.
    pub upload: u8,
    /// `SERVER`.
    pub server: String,
    /// `REFERENCEID`.
    pub reference_id: String,
    /// `ACCESSTYPE`.
    pub access_type: u8,
    /// `DENY_AUTO_DELETE`.
    pub deny_auto_delete: u8,
    /// `PIN`.
    pub pin: String,
    /// `ACCESSID`.
    pub access_ids: Vec<String>,
    /// `QUICKCODE`.
    pub quick_code: String,
    /// The H.323 link whose recording this live stream carries, if any.
    pub link: Option<u32>,
}

/// What an H.323 link is doing (spec, "GETEPLINK", `STATUS_INDEX`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkStatus {
    /// 0: the endpoint is in the menu.
    #[default]
    Menu,
    /// 1: recording.
    Recording,
    /// 2: recording paused.
    Paused,
    /// 3: streaming without recording.
    Streaming,
}

impl LinkStatus {
    /// The `STATUS_INDEX` of a link in this state.
    pub fn index(self) -> u8 {
        match self {
            LinkStatus::Menu => 0,
            LinkStatus::Recording => 1,
            LinkStatus::Paused => 2,
            LinkStatus::Streaming => 3,
        }
    }

    /// The `STATUS` text of a link in this state.
    pub fn text(self) -> &'static str {
        match self {
            LinkStatus::Menu => "Menu",
            LinkStatus::Recording => "Running",
            LinkStatus::Paused => "Paused",
            LinkStatus::Streaming => "Streaming",
        }
    }

    /// The room `STATUS_INDEX` (0 idle, 1 recording, 2 paused, 8 streaming).
    pub fn room_index(self) -> u8 {
        match self {
            LinkStatus::Streaming => 8,
            other => other.index(),
        }
    }
}

/// A current H.323 connection (spec, "H.323 Connections").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Link {
    /// `INDEX`, from 1024.
    pub index: u32,
    /// Recording state.
    pub status: LinkStatus,
    /// `IP`.
    pub ip: String,
    /// `E164`.
    pub e164: String,
    /// `H323`.
    pub h323: String,
    /// `STARTTIME`.
    pub start_time: String,
    /// `MEETINGROOM`, `N/A` outside a room.
    pub meeting_room: String,
    /// `NETWORK`, such as `0%`.
    pub network: String,
    /// `VIDEO`.
    pub video: String,
    /// `AUDIO`.
    pub audio: String,
    /// `H239`.
    pub h239: u8,
    /// `RATE` of the call.
    pub rate: u32,
    /// Whether its recording is also streamed live.
    pub broadcast: u8,
    /// `REFERENCEID` given by `STARTQUICKRECORD`.
    pub reference_id: String,
    /// `VIEWRIGHT` its archives get.
    pub view_right: u8,
    /// `VIEWID`: groups that may view its archives.
    pub view_ids: Vec<String>,
    /// When the current recording started, in ms since the epoch.
    pub recording_since_ms: Option<u64>,
}

/// CFS activation state (spec, "GETCFSINFO").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Cfs {
    /// `SERIAL`.
    pub serial: String,
    /// `ACTIVE_KEY`.
    pub active_key: String,
    /// `PENDING_KEY`.
    pub pending_key: String,
    /// `STATUS`: 1 when activated.
    pub status: u8,
    /// `VERSION_RUNNING`.
    pub version_running: String,
    /// `VERSION_PENDING`.
    pub version_pending: String,
    /// `VERSION_REQUIRED`.
    pub version_required: String,
}

/// An IVR message file that replaced the default one (spec, "SETIVR").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct IvrFile {
    /// `LANGUAGE`: 0 English, 1 Chinese, 2 Japanese.
    pub language: u8,
    /// `TYPE`/`INDEX`: which message, 0 to 9.
    pub index: u8,
    /// `PLAY_URL`.
    pub url: String,
}

impl State {
    /// The user named `name`.
    pub fn user(&self, name: &str) -> Option<&User> {
        self.users.iter().find(|user| user.name == name)
    }

    /// The endpoint named `name`.
    pub fn endpoint(&self, name: &str) -> Option<&Endpoint> {
        self.endpoints.iter().find(|endpoint| endpoint.name == name)
    }

    /// The group named `name`.
    pub fn group(&self, name: &str) -> Option<&Group> {
        self.groups.iter().find(|group| group.name == name)
    }

    /// The name of the group whose GUID is `id`.
    pub fn group_name(&self, id: &str) -> Option<&str> {
        self.groups
            .iter()
            .find(|group| group.id == id)
            .map(|group| group.name.as_str())
    }

    /// The meeting room with `INDEX` `index`.
    pub fn room(&self, index: u32) -> Option<&Room> {
        self.rooms.iter().find(|room| room.index == index)
    }

    /// The H.323 link with `INDEX` `index`.
    pub fn link(&self, index: u32) -> Option<&Link> {
        self.links.iter().find(|link| link.index == index)
    }

    /// The value of `field` in settings block `block`, or `""`.
    pub fn setting(&self, block: &str, field: &str) -> &str {
        self.settings
            .get(block)
            .and_then(|fields| fields.get(field))
            .map_or("", String::as_str)
    }
}
