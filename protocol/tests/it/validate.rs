//! Validation of messages against a catalog: each rule fired by a minimal
//! message and spared by its near miss, the rule ids, the value checks.

mod blank;
mod empty_list;
mod findings;
mod ids;
mod rules;
mod tables;
mod value;
