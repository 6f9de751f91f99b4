//! Dates and durations in the spec's forms: `May 19,2006 15:06:00` (the
//! TIME of GETDEVINFO, the REC_TIME of the archive lists) and `00:07:33`
//! (their DURATION).
//!
//! Both are read strictly as the examples write them: an English month
//! abbreviation with a capital first letter, no space after the comma,
//! a four-digit year, and two digits for each of minutes and seconds. A
//! duration's hours take two digits or more, so that a recording of a
//! hundred hours still reads as a duration.

/// The month abbreviations, in calendar order.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Whether `value` is a date and time like `May 19,2006 15:06:00`.
pub(crate) fn is_date_time(value: &str) -> bool {
    let Some((date, time)) = value.split_once(' ') else {
        return false;
    };

    let Some((day_and_year, clock)) = time.split_once(' ') else {
        return false;
    };

    is_date(date, day_and_year) && is_clock(clock, 2..=2, 23)
}

/// Whether `value` is a duration like `00:07:33`.
pub(crate) fn is_duration(value: &str) -> bool {
    is_clock(value, 2..=usize::MAX, u64::MAX)
}

fn is_date(month: &str, day_and_year: &str) -> bool {
    let Some(month) = MONTHS.iter().position(|name| *name == month) else {
        return false;
    };

    let Some((day, year)) = day_and_year.split_once(',') else {
        return false;
    };

    let day = number(day, 1..=2);
    let year = number(year, 4..=4);
    match (day, year) {
        (Some(day), Some(year)) => (1..=days_in_month(month, year)).contains(&day),
        _ => false,
    }
}

/// The days of the month at zero-based `month` of `year`, in the Gregorian
/// calendar.
fn days_in_month(month: usize, year: u64) -> u64 {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        1 if leap => 29,
        1 => 28,
        3 | 5 | 8 | 10 => 30,
        _ => 31,
    }
}

/// Whether `value` is `H:MM:SS` with hours of `hour_digits` digits up to
/// `max_hours`, and minutes and seconds of two digits up to 59.
fn is_clock(value: &str, hour_digits: std::ops::RangeInclusive<usize>, max_hours: u64) -> bool {
    let mut parts = value.split(':');
    let hours = parts.next().and_then(|part| number(part, hour_digits));
    let minutes = parts.next().and_then(|part| number(part, 2..=2));
    let seconds = parts.next().and_then(|part| number(part, 2..=2));
    if parts.next().is_some() {
        return false;
    }

    match (hours, minutes, seconds) {
        (Some(hours), Some(minutes), Some(seconds)) => {
            hours <= max_hours && minutes <= 59 && seconds <= 59
        }
        _ => false,
    }
}

/// The number written by `text`, when it is only decimal digits and their
/// count is within `digits`.
fn number(text: &str, digits: std::ops::RangeInclusive<usize>) -> Option<u64> {
    let all_digits = text.bytes().all(|byte| byte.is_ascii_digit());
    if !all_digits || !digits.contains(&text.len()) {
        return None;
    }

    text.parse().ok()
}
