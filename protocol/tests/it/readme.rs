//! The README's table of rule ids lists exactly the rules of
//! `Rule::ALL`, each with its severity.

use std::error::Error;
use std::fs;
use std::path::Path;

use dvcr_protocol::validate::Rule;

#[test]
fn the_readme_lists_every_rule_id_with_its_severity_and_nothing_else() -> Result<(), Box<dyn Error>>
{
    let readme = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md"))?;
    let section = readme
        .split("\n## Rule ids\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .unwrap_or_default();

    let listed: Vec<(String, String)> = section
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let id = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
            Some((id.to_owned(), cells.get(2)?.to_string()))
        })
        .collect();
    let rules: Vec<(String, String)> = Rule::ALL
        .iter()
        .map(|rule| (rule.id().to_owned(), rule.severity().as_str().to_owned()))
        .collect();

    assert_eq!(listed, rules);
    Ok(())
}
