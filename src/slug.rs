//! File names from titles.

/// An ASCII, lowercase, hyphenated file stem for `title`. It never contains a
/// path separator or `..`, so a title can never name a file outside the
/// assessments directory; a title with nothing usable gives `assessment`.
pub fn slug(title: &str) -> String {
    let ascii = deunicode::deunicode(title).to_ascii_lowercase();
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    // Keep names short enough for every file system and still readable,
    // cutting at a word boundary.
    const MAX: usize = 60;
    if slug.len() > MAX {
        let cut = slug[..MAX].rfind('-').filter(|&i| i > 20).unwrap_or(MAX);
        slug.truncate(cut);
    }
    let slug = slug.trim_matches('-').to_string();
    if slug.is_empty() {
        "assessment".to_string()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn makes_safe_readable_names() {
        assert_eq!(
            slug("Managed scheduler for self-hosted pipelines"),
            "managed-scheduler-for-self-hosted-pipelines"
        );
        assert_eq!(slug("Über-fast Café sync!"), "uber-fast-cafe-sync");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("a/b\\c"), "a-b-c");
        assert_eq!(slug("???"), "assessment");
        assert_eq!(slug("数据管道"), "shu-ju-guan-dao");
        let long = slug(&"word ".repeat(40));
        assert!(long.len() <= 60 && !long.ends_with('-'));
    }
}
