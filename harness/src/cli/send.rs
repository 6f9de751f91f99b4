//! `dvcr send`: log in to a device, send it one command and print its
//! confirm records with the findings on them: how its frames departed from
//! RFC 1006, the XML defects read through, and the catalog's (spec,
//! "General Information", items 3 and 6).

use std::process::ExitCode;
use std::time::Duration;

use clap::Args;
use dvcr::client::{ClientConfig, ClientError, Login, Reply, Session};
use dvcr_protocol::Message;
use dvcr_protocol::inspect;
use dvcr_protocol::validate::{self, Finding, Flow, Severity};

use super::out::{errln, out};

/// Examples shown under `dvcr send --help`.
pub(crate) const EXAMPLES: &str = "\
Examples:
  dvcr send --target 127.0.0.1:8081 getdevinfo
  dvcr send --target 127.0.0.1:8081 addendpoint SOURCENAME=7000 SOURCEIP=192.0.2.7 \\
      FLAG=0 E164= H323=
  RSS_PASSWORD=secret dvcr send --target 192.0.2.10:81 --password-env RSS_PASSWORD getendpoint";

/// The arguments of `dvcr send`.
#[derive(Debug, Args)]
pub(crate) struct SendArgs {
    /// The device, as HOST:PORT (a real device listens on port 81).
    #[arg(long, value_name = "HOST:PORT")]
    target: String,
    /// The account to log in as.
    #[arg(long, default_value = "Administrator")]
    user: String,
    /// The environment variable holding the password (empty without it).
    #[arg(long, value_name = "VAR")]
    password_env: Option<String>,
    /// The longest wait for the connection and for each reply, in
    /// milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 5000,
          value_parser = super::number_in(1_u64, None))]
    timeout_ms: u64,
    /// The command's xmlid, such as `getendpoint`.
    xmlid: String,
    /// Its fields as NAME=VALUE; SESSIONID is added for you.
    #[arg(value_name = "NAME=VALUE")]
    fields: Vec<String>,
}

/// Sends the command and prints the reply: exit 0 when it succeeded and
/// breaks no catalog rule, 1 when it failed, broke one, or came against
/// the protocol (a wrong xmlid, broken framing), 2 when it could not be
/// sent or nothing came.
pub(crate) fn run(args: &SendArgs) -> ExitCode {
    let outcome = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|error| NotSent::Unsent(format!("cannot start the runtime: {error}")))
        .and_then(|runtime| runtime.block_on(exchange(args)));
    match outcome {
        Ok(reply) => report(&reply),
        Err(NotSent::Broken(error)) => {
            errln!("dvcr: the device broke the protocol: {error}");
            ExitCode::from(1)
        }
        Err(NotSent::Unsent(error)) => {
            errln!("dvcr: error: {error}");
            ExitCode::from(super::EXIT_USAGE)
        }
    }
}

/// Why no reply is printed: the device answered against the protocol
/// (exit 1, its failure), or the command could not be sent or answered
/// at all (exit 2).
enum NotSent {
    Broken(String),
    Unsent(String),
}

impl NotSent {
    /// `error`, described by `context`, on the side it belongs to.
    fn of(context: &str, error: &ClientError) -> Self {
        let text = format!("{context}: {error}");
        if error.is_protocol_violation() {
            return NotSent::Broken(text);
        }

        NotSent::Unsent(text)
    }
}

/// Logs in, sends the command, logs out, and gives the command's reply.
async fn exchange(args: &SendArgs) -> Result<Reply, NotSent> {
    let fields = parse_fields(&args.fields).map_err(NotSent::Unsent)?;
    let password = match &args.password_env {
        Some(var) => super::password_from_env(var).map_err(NotSent::Unsent)?,
        None => String::new(),
    };
    let timeout = Duration::from_millis(args.timeout_ms);
    let config = ClientConfig {
        connect_timeout: timeout,
        reply_timeout: timeout,
        ..ClientConfig::default()
    };

    let mut session = Session::connect(args.target.as_str(), config)
        .await
        .map_err(|error| NotSent::Unsent(error.to_string()))?;
    session
        .login(&Login::new(args.user.clone(), password))
        .await
        .map_err(|error| NotSent::of(&format!("login as {:?}", args.user), &error))?;
    let reply = session
        .command(&args.xmlid, &fields)
        .await
        .map_err(|error| NotSent::of(&args.xmlid, &error))?;
    let _ = session.logout().await;
    Ok(reply)
}

/// `NAME=VALUE` arguments as field pairs.
fn parse_fields(fields: &[String]) -> Result<Vec<(&str, &str)>, String> {
    fields
        .iter()
        .map(|field| {
            field
                .split_once('=')
                .filter(|(name, _)| !name.is_empty())
                .ok_or_else(|| format!("field {field:?} is not NAME=VALUE"))
        })
        .collect()
}

/// Prints the records and their findings, and gives the exit code.
fn report(reply: &Reply) -> ExitCode {
    let findings = findings_of(reply);
    out!("{}", render(&reply.message, &findings));

    let failed = reply
        .message
        .records()
        .any(|record| record.value("RESULT") != Some("0"));
    let broken = findings.iter().any(|f| f.severity == Severity::Error);
    if failed || broken {
        return ExitCode::from(1);
    }

    ExitCode::SUCCESS
}

/// Every finding on the reply: its frames' departures from RFC 1006, the
/// XML defects lenient decoding read through, then the catalog's.
///
/// The client keeps neither a frame's offset in the stream nor its
/// payload, so a framing finding shows no offset and an XML one names its
/// defect instead of quoting the bytes.
fn findings_of(reply: &Reply) -> Vec<Finding> {
    let framing = reply.framing.iter().map(|&deviation| Finding {
        offset: None,
        ..inspect::frame_finding_of(deviation, 0)
    });
    let xml = reply.deviations.iter().map(|deviation| Finding {
        found: deviation.kind.to_string(),
        ..inspect::finding_of(deviation, &[])
    });
    let catalog = validate::validate(&reply.message, Flow::FromDevice);
    framing.chain(xml).chain(catalog).collect()
}

/// The records, fields aligned, then one finding per line.
fn render(message: &Message<'_>, findings: &[Finding]) -> String {
    let mut text = String::new();
    for record in message.records() {
        text.push_str(&format!("{} {}\n", record.kind(), record.xmlid()));
        let width = record.fields().map(|f| f.name().len()).max().unwrap_or(0);
        for field in record.fields() {
            let attributes: Vec<String> = field
                .attributes()
                .iter()
                .filter(|attribute| attribute.name != "value")
                .map(|attribute| format!("{}={:?}", attribute.name, attribute.value))
                .collect();
            let value = field.value().unwrap_or_default();
            let line = format!(
                "  {:<width$}  {value:?} {}",
                field.name(),
                attributes.join(" ")
            );
            text.push_str(line.trim_end());
            text.push('\n');
        }
    }
    for finding in findings {
        text.push_str(&format!("{finding}\n"));
    }
    text
}
