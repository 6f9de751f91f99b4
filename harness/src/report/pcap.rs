//! Every byte a run exchanged, as a pcap file Wireshark opens: each write
//! and each read becomes a TCP segment inside synthetic Ethernet and IPv4
//! (or IPv6, for an IPv6 device) headers carrying the real addresses and
//! ports, with a handshake per connection and sequence numbers that let
//! "Follow TCP Stream" rebuild both sides (spec, "General Information",
//! item 4: TCP, TPKT).
//!
//! Closes are not captured: a run's transcript holds the bytes of each
//! connection, not how it ended, so no FIN or RST is written.

use std::collections::HashMap;
use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::{Duration, SystemTime};

use pcap_file::pcap::{PcapPacket, PcapWriter};

/// The largest TCP payload put in one segment, as on Ethernet.
const MSS: usize = 1460;

/// One write or read on one connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// When it happened.
    pub at: SystemTime,
    /// Whether the harness sent it.
    pub from_client: bool,
    /// The harness's end.
    pub client: SocketAddr,
    /// The device's end.
    pub server: SocketAddr,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// A capture that could not be written.
#[derive(Debug, thiserror::Error)]
#[error("cannot write the capture: {0}")]
pub struct PcapError(#[from] pcap_file::PcapError);

#[derive(Clone, Copy)]
struct Flow {
    client_seq: u32,
    server_seq: u32,
}

/// Writes `segments`, in time order, as a pcap stream into `out`.
pub fn write_pcap<W: Write>(segments: &[Segment], out: W) -> Result<(), PcapError> {
    let mut writer = PcapWriter::new(out)?;
    let mut flows: HashMap<(SocketAddr, SocketAddr), Flow> = HashMap::new();
    let mut ordered: Vec<&Segment> = segments.iter().collect();
    ordered.sort_by_key(|segment| segment.at);

    for segment in ordered {
        let key = (segment.client, segment.server);
        let ts = segment
            .at
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap_or_default();
        let flow = match flows.get(&key) {
            Some(flow) => *flow,
            None => {
                let flow = handshake(&mut writer, segment, ts)?;
                flows.insert(key, flow);
                flow
            }
        };

        let mut flow = flow;
        for piece in segment.bytes.chunks(MSS) {
            let (from, to, seq, ack) = if segment.from_client {
                (
                    segment.client,
                    segment.server,
                    flow.client_seq,
                    flow.server_seq,
                )
            } else {
                (
                    segment.server,
                    segment.client,
                    flow.server_seq,
                    flow.client_seq,
                )
            };
            let packet = frame(from, to, seq, ack, PSH | ACK, piece);
            write(&mut writer, ts, packet)?;
            let len = u32::try_from(piece.len()).unwrap_or(0);
            if segment.from_client {
                flow.client_seq = flow.client_seq.wrapping_add(len);
            } else {
                flow.server_seq = flow.server_seq.wrapping_add(len);
            }
        }
        flows.insert(key, flow);
    }
    Ok(())
}

fn handshake<W: Write>(
    writer: &mut PcapWriter<W>,
    first: &Segment,
    ts: Duration,
) -> Result<Flow, PcapError> {
    let (client, server) = (first.client, first.server);
    let client_isn = 1000;
    let server_isn = 5000;
    write(writer, ts, frame(client, server, client_isn, 0, SYN, &[]))?;
    write(
        writer,
        ts,
        frame(server, client, server_isn, client_isn + 1, SYN | ACK, &[]),
    )?;
    write(
        writer,
        ts,
        frame(client, server, client_isn + 1, server_isn + 1, ACK, &[]),
    )?;
    Ok(Flow {
        client_seq: client_isn + 1,
        server_seq: server_isn + 1,
    })
}

fn write<W: Write>(
    writer: &mut PcapWriter<W>,
    ts: Duration,
    packet: Vec<u8>,
) -> Result<(), PcapError> {
    let len = u32::try_from(packet.len()).unwrap_or(u32::MAX);
    writer.write_packet(&PcapPacket::new_owned(ts, len, packet))?;
    Ok(())
}

const SYN: u8 = 0x02;
const PSH: u8 = 0x08;
const ACK: u8 = 0x10;

/// TCP's protocol number, as the checksum's pseudo-header counts it.
const TCP: u32 = 6;

/// The two ends of a packet as IPv4 addresses when both are (or map to)
/// IPv4, else as IPv6 addresses.
enum Hosts {
    V4(Ipv4Addr, Ipv4Addr),
    V6(Ipv6Addr, Ipv6Addr),
}

impl Hosts {
    fn of(from: SocketAddr, to: SocketAddr) -> Hosts {
        match (v4(from.ip()), v4(to.ip())) {
            (Some(src), Some(dst)) => Hosts::V4(src, dst),
            _ => Hosts::V6(v6(from.ip()), v6(to.ip())),
        }
    }

    /// The source then the destination address, as sent.
    fn octets(&self) -> Vec<u8> {
        match self {
            Hosts::V4(src, dst) => [src.octets(), dst.octets()].concat(),
            Hosts::V6(src, dst) => [src.octets(), dst.octets()].concat(),
        }
    }
}

fn v4(ip: IpAddr) -> Option<Ipv4Addr> {
    match ip {
        IpAddr::V4(ip) => Some(ip),
        IpAddr::V6(ip) => ip.to_ipv4_mapped(),
    }
}

fn v6(ip: IpAddr) -> Ipv6Addr {
    match ip {
        IpAddr::V4(ip) => ip.to_ipv6_mapped(),
        IpAddr::V6(ip) => ip,
    }
}

/// One Ethernet frame holding an IPv4 or IPv6 packet holding a TCP
/// segment.
fn frame(from: SocketAddr, to: SocketAddr, seq: u32, ack: u32, flags: u8, data: &[u8]) -> Vec<u8> {
    let hosts = Hosts::of(from, to);
    let addresses = hosts.octets();
    let mut tcp = Vec::with_capacity(20 + data.len());
    tcp.extend_from_slice(&from.port().to_be_bytes());
    tcp.extend_from_slice(&to.port().to_be_bytes());
    tcp.extend_from_slice(&seq.to_be_bytes());
    tcp.extend_from_slice(&ack.to_be_bytes());
    tcp.extend_from_slice(&[0x50, flags, 0xff, 0xff, 0, 0, 0, 0]);
    tcp.extend_from_slice(data);
    let tcp_len = u32::try_from(tcp.len()).unwrap_or(0);
    let pseudo = addresses
        .chunks(2)
        .map(|pair| u32::from(u16::from_be_bytes([pair[0], pair[1]])))
        .sum::<u32>()
        + TCP
        + tcp_len;
    let sum = checksum(&tcp, pseudo);
    tcp[16..18].copy_from_slice(&sum.to_be_bytes());

    let mut out = Vec::with_capacity(74 + tcp.len());
    out.extend_from_slice(&[0x02, 0, 0, 0, 0, 0x02]);
    out.extend_from_slice(&[0x02, 0, 0, 0, 0, 0x01]);
    match hosts {
        Hosts::V4(..) => {
            out.extend_from_slice(&[0x08, 0x00]);
            let total = u16::try_from(20 + tcp.len()).unwrap_or(u16::MAX);
            let mut ip = vec![0x45, 0];
            ip.extend_from_slice(&total.to_be_bytes());
            ip.extend_from_slice(&[0, 0, 0x40, 0, 64, 6, 0, 0]);
            ip.extend_from_slice(&addresses);
            let sum = checksum(&ip, 0);
            ip[10..12].copy_from_slice(&sum.to_be_bytes());
            out.extend_from_slice(&ip);
        }
        Hosts::V6(..) => {
            out.extend_from_slice(&[0x86, 0xdd]);
            let payload = u16::try_from(tcp.len()).unwrap_or(u16::MAX);
            out.extend_from_slice(&[0x60, 0, 0, 0]);
            out.extend_from_slice(&payload.to_be_bytes());
            out.extend_from_slice(&[6, 64]);
            out.extend_from_slice(&addresses);
        }
    }
    out.extend_from_slice(&tcp);
    out
}

/// The Internet checksum of `bytes`, starting from `initial`.
fn checksum(bytes: &[u8], initial: u32) -> u16 {
    let mut sum = initial;
    for pair in bytes.chunks(2) {
        let word = match pair {
            [high, low] => u16::from_be_bytes([*high, *low]),
            [high] => u16::from_be_bytes([*high, 0]),
            _ => 0,
        };
        sum += u32::from(word);
    }
    while sum > 0xffff {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    !(u16::try_from(sum).unwrap_or(0))
}
