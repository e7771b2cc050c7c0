//! "Did you mean" suggestions for misspelt keys and values.

/// The closest candidate to `word`, if it is close enough to be a typo
/// (`target_markt` → `target_market`) rather than a different word.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(word, candidate), candidate))
        .filter(|(score, _)| *score >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_misses_only() {
        let keys = ["problem", "target_market", "market_size"];
        assert_eq!(did_you_mean("target_markt", keys), Some("target_market"));
        assert_eq!(did_you_mean("problme", keys), Some("problem"));
        assert_eq!(did_you_mean("pricing", keys), None);
    }
}
