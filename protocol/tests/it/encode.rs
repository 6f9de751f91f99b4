//! Encoding messages as TPKT frames (spec, "General Information", items 4
//! and 5).
