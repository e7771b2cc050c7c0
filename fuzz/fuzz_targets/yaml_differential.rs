//! The YAML reader differential: `mrd::yaml::parse` (the one reader, over
//! granit-parser's events) must read every text as serde-saphyr reads it,
//! values and positions, or refuse what it refuses on purpose (anchors,
//! aliases, tags, merge keys); see `mrd::yaml::reference`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Err(disagreement) = mrd::yaml::reference::check("fuzz", text) {
        panic!("{disagreement}");
    }
});
