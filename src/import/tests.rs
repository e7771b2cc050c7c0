use super::*;

fn read(text: &str) -> Imported {
    import(text, &QuestionSet::builtin())
}

fn answer<'a>(imported: &'a Imported, key: &str) -> Option<&'a str> {
    imported
        .answers
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, a)| a.as_str())
}

#[test]
fn reads_render_output() {
    let text = "**Decision: GO** · 2 of 9 questions answered\n\n## 1. Exactly what problem will this solve? (value proposition)\n\nThe pain.\n\n- a\n- b\n\n## 2. For whom do we solve that problem? (target market)\n\n_Not answered yet._\n\n## 3. How big is the opportunity? (market size)\n\n### Evidence\n\n1. Private beta with 40 users.\n2. Launch.\n\n## 10. Given the above, what's the recommendation? (go or no-go)\n\n**GO**\n\nWorth it.\n\nConditions:\n\n- Beta by May\n- Two partners\n\n## Notes\n\nSome notes.\n";
    let imported = read(text);
    assert_eq!(answer(&imported, "problem"), Some("The pain.\n\n- a\n- b"));
    assert_eq!(answer(&imported, "target_market"), None);
    assert_eq!(
        answer(&imported, "market_size"),
        Some("### Evidence\n\n1. Private beta with 40 users.\n2. Launch.")
    );
    assert_eq!(imported.decision, Some(Decision::Go));
    assert_eq!(imported.rationale.as_deref(), Some("Worth it."));
    assert_eq!(imported.conditions, ["Beta by May", "Two partners"]);
    assert_eq!(imported.notes, "Some notes.\n");
    assert!(
        !imported
            .report
            .iter()
            .any(|f| f.kind == FindingKind::Unmatched),
        "{:?}",
        imported.report
    );
}

#[test]
fn reads_the_gitlab_template_with_bold_questions() {
    let template = crate::scaffold::gitlab::issue_template(&QuestionSet::builtin());
    let filled = template
        .replace(
            "**1. Exactly what problem will this solve?** (value proposition)\n",
            "**1. Exactly what problem will this solve?** (value proposition)\nCron jobs fail silently.\n",
        )
        .replace(
            "**6. Why now?** (market window)\n\n",
            "**6. Why now?** (market window)\n\nA competitor left the market.\n\n",
        )
        + "\nNo-go: the market is too small.\n";
    let imported = read(&filled);
    assert_eq!(
        answer(&imported, "problem"),
        Some("Cron jobs fail silently.")
    );
    assert_eq!(
        answer(&imported, "market_window"),
        Some("A competitor left the market.")
    );
    assert_eq!(imported.answers.len(), 2, "{:?}", imported.answers);
    assert_eq!(imported.decision, Some(Decision::NoGo));
    assert_eq!(
        imported.rationale.as_deref(),
        Some("No-go: the market is too small.")
    );
    assert_eq!(imported.notes, "", "template comments are not notes");
}

#[test]
fn reads_the_old_gitlab_template_as_a_bold_numbered_list() {
    let text = "### Opportunity Assessment\n\n1. **Exactly what problem will this solve?** (value proposition)\n   - Pipelines fail.\n1. **For whom do we solve that problem?** (target market)\n   - Data engineers.\n1. **Given the above, what’s the recommendation?** (go or no-go)\n   - Go\n";
    let imported = read(text);
    assert_eq!(answer(&imported, "problem"), Some("- Pipelines fail."));
    assert_eq!(
        answer(&imported, "target_market"),
        Some("- Data engineers.")
    );
    assert_eq!(imported.decision, Some(Decision::Go));
}

#[test]
fn reads_github_issue_form_output() {
    let text = "### 1. Exactly what problem will this solve? (value proposition)\n\nPipelines fail.\n\n### 2. For whom do we solve that problem? (target market)\n\n_No response_\n\n### 10. Given the above, what's the recommendation? (go or no-go)\n\nNo-go\n\n### Rationale\n\nToo small.\n\n### Conditions\n\n_No response_\n";
    let imported = read(text);
    assert_eq!(answer(&imported, "problem"), Some("Pipelines fail."));
    assert_eq!(answer(&imported, "target_market"), None);
    assert_eq!(imported.decision, Some(Decision::NoGo));
    assert_eq!(imported.rationale.as_deref(), Some("Too small."));
    assert!(imported.conditions.is_empty());
}

#[test]
fn reads_hand_written_plain_numbered_questions() {
    let text = "# Scheduler\n\nWe discussed this at kickoff.\n\n1. Exactly what problem will this solve? (value proposition)\n\nCron fails silently.\n\nIt costs a day a month.\n\n3. How big is the opportunity?\n\n12,000 installs.\n\nWhy now? (market window)\n\nThe competitor left.\n\n10. Given the above, what's the recommendation?\n\nGo, provided three partners sign up.\n";
    let imported = read(text);
    assert_eq!(imported.title.as_deref(), Some("Scheduler"));
    assert_eq!(
        answer(&imported, "problem"),
        Some("Cron fails silently.\n\nIt costs a day a month.")
    );
    assert_eq!(answer(&imported, "market_size"), Some("12,000 installs."));
    assert_eq!(
        answer(&imported, "market_window"),
        Some("The competitor left.")
    );
    assert_eq!(imported.decision, Some(Decision::Go));
    assert_eq!(
        imported.rationale.as_deref(),
        Some("Go, provided three partners sign up.")
    );
    assert_eq!(imported.notes, "We discussed this at kickoff.\n");
    let unmatched: Vec<_> = imported
        .report
        .iter()
        .filter(|f| f.kind == FindingKind::Unmatched)
        .collect();
    assert_eq!(unmatched.len(), 1);
    assert_eq!(unmatched[0].line, 3);
}

#[test]
fn a_heading_that_names_nothing_ends_the_answer_and_goes_to_the_notes() {
    let text = "## 1. Exactly what problem will this solve?\n\nPain.\n\n## Links\n\n- https://example.com\n";
    let imported = read(text);
    assert_eq!(answer(&imported, "problem"), Some("Pain."));
    assert_eq!(imported.notes, "## Links\n\n- https://example.com\n");
}

#[test]
fn a_repeated_question_is_kept_in_the_notes_not_merged() {
    let text = "## Why now?\n\nFirst.\n\n## Why now?\n\nSecond.\n";
    let imported = read(text);
    assert_eq!(answer(&imported, "market_window"), Some("First."));
    assert_eq!(imported.notes, "## Why now?\n\nSecond.\n");
    assert!(
        imported
            .report
            .iter()
            .any(|f| f.kind == FindingKind::Repeated(6))
    );
}

#[test]
fn code_fences_are_never_questions() {
    let text = "## 1. Exactly what problem will this solve?\n\n```\n2. For whom do we solve that problem?\n```\n";
    let imported = read(text);
    assert!(
        answer(&imported, "problem")
            .unwrap()
            .contains("2. For whom")
    );
    assert_eq!(imported.answers.len(), 1);
}

#[test]
fn a_summary_and_a_checklist_of_questions_above_the_answers_are_not_answers() {
    let text = "> **Decision: GO** · 1 of 9 questions answered\n> low confidence: problem\n\n- [ ] 3. How big is the opportunity? (market size)\n- [x] 1. Exactly what problem will this solve? (value proposition)\n\n## 1. Exactly what problem will this solve? (value proposition)\n\nPain.\n";
    let imported = read(text);
    assert_eq!(answer(&imported, "problem"), Some("Pain."));
    assert_eq!(imported.answers.len(), 1);
    assert!(
        !imported
            .report
            .iter()
            .any(|f| matches!(f.kind, FindingKind::Repeated(_)))
    );
    // Below render's summary the checklist is generated too.
    assert_eq!(imported.notes, "");

    // Without it, a checklist is the author's: kept, and still not questions.
    let imported = read(&text.replace(
        "> **Decision: GO** · 1 of 9 questions answered\n> low confidence: problem\n\n",
        "",
    ));
    assert_eq!(imported.answers.len(), 1);
    assert!(
        imported.notes.starts_with("- [ ] 3. How big"),
        "{}",
        imported.notes
    );
    assert_eq!(
        imported.report.iter().next().unwrap().kind,
        FindingKind::Unmatched
    );
}

#[test]
fn a_confidence_line_under_a_question_is_its_confidence() {
    let text = "## 1. Exactly what problem will this solve?\n\n_Confidence: high_\n\nPain.\n\n## Why now?\n\nConfidence: sure\n";
    let imported = read(text);
    assert_eq!(
        imported.confidence,
        [("problem".to_string(), Confidence::High)]
    );
    assert_eq!(answer(&imported, "problem"), Some("Pain."));
    assert_eq!(answer(&imported, "market_window"), Some("Confidence: sure"));
}

#[test]
fn dedent_never_cuts_a_character() {
    assert_eq!(dedent("   a\n \u{3000}b\n\n  c"), "  a\n\u{3000}b\n\n c");
    assert_eq!(dedent("  a\n    b"), "a\n  b");
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of the Markdown issues are made of, to reach the import's
    /// branches far more often than random text would.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            Just("## 1. Exactly what problem will this solve? (value proposition)".to_string()),
            Just("**10. Given the above, what’s the recommendation?** (go or no-go)".to_string()),
            Just("- [ ] 3. How big".to_string()),
            Just("1. Why now?".to_string()),
            Just("Conditions:".to_string()),
            Just("### Rationale".to_string()),
            Just("**GO**".to_string()),
            Just("_Confidence: low_".to_string()),
            Just("/label ~x".to_string()),
            Just("```".to_string()),
            Just("<!--".to_string()),
            Just("   \u{3000}(".to_string()),
            Just("# ".to_string()),
            Just("> ".to_string()),
        ]
    }

    proptest! {
        #[test]
        fn on_any_input(pieces in prop::collection::vec(piece(), 0..24), seps in prop::collection::vec(prop::sample::select(&["\n", "\n\n", " ", "\n   ", "\r\n"][..]), 24)) {
            let text: String = pieces.iter().zip(&seps).map(|(p, s)| format!("{p}{s}")).collect();
            let imported = import(&text, &QuestionSet::builtin());
            // Everything read is accounted for: no answer is blank.
            prop_assert!(imported.answers.iter().all(|(_, a)| !a.trim().is_empty()));
        }
    }
}

#[test]
fn crlf_line_endings_do_not_reach_the_answers() {
    let imported = read("## Why now?\r\n\r\nLine one.\r\nLine two.\r\n");
    assert_eq!(
        answer(&imported, "market_window"),
        Some("Line one.\nLine two.")
    );
}

#[test]
fn reads_sections_titled_by_topic() {
    let text = "## Problem\n\nPain.\n\n## Target market\n\nData engineers.\n\n## Success factors\n\nNo missed runs.\n\n## Recommendation\n\nNo-go. Too small.\n";
    let imported = read(text);
    assert_eq!(answer(&imported, "problem"), Some("Pain."));
    assert_eq!(answer(&imported, "target_market"), Some("Data engineers."));
    assert_eq!(
        answer(&imported, "success_factors"),
        Some("No missed runs.")
    );
    assert_eq!(imported.decision, Some(Decision::NoGo));
    assert_eq!(imported.rationale.as_deref(), Some("No-go. Too small."));
}

#[test]
fn everything_above_the_questions_in_render_output_is_generated() {
    let text = "**Decision: GO** · 8 of 9 questions answered · readiness 80/100\n\nVerdict: GO, at risk: market size missing\n\nOpen risks:\n\n- market size missing\n- How big is the opportunity?\n\n## 1. Exactly what problem will this solve? (value proposition)\n\nPain.\n\n## 10. Given the above, what's the recommendation? (go or no-go)\n\nDecision: **GO**\n";
    let imported = read(text);
    assert_eq!(answer(&imported, "problem"), Some("Pain."));
    assert_eq!(imported.answers.len(), 1);
    assert_eq!(imported.decision, Some(Decision::Go));
    assert_eq!(imported.notes, "");
    let skipped = imported
        .report
        .iter()
        .filter(|f| f.kind == FindingKind::Skipped)
        .count();
    assert_eq!(skipped, 4, "{:?}", imported.report);
}

#[test]
fn details_folds_are_unwrapped() {
    let text = "## Why now?\n\nBecause.\n\n## Notes\n\n<details>\n<summary>Notes from the assessment file</summary>\n\nSome notes.\n\n</details>\n";
    let imported = read(text);
    assert_eq!(imported.notes, "Some notes.\n");
    assert!(is_fold_markup("<details open>\n<summary>x</summary>"));
    assert!(!is_fold_markup("<details><script>x</script>"));
    assert!(!is_fold_markup("<div>x</div>"));
}

#[test]
fn render_s_quick_action_escapes_are_removed() {
    let imported = read("## Why now?\n\nPain.\n\\/close\n  \\/label ~x\n");
    assert_eq!(
        answer(&imported, "market_window"),
        Some("Pain.\n/close\n  /label ~x")
    );
}

#[test]
fn bold_lead_ins_in_an_answer_s_list_are_not_questions() {
    let text = "## 8. How will we measure success/make money from this product?\n\n- **Metrics**\n- **Why now**: a bold lead-in\n";
    let imported = read(text);
    assert_eq!(
        answer(&imported, "metrics"),
        Some("- **Metrics**\n- **Why now**: a bold lead-in")
    );
    assert_eq!(imported.answers.len(), 1);
}

#[test]
fn a_bold_lead_in_starts_an_answer_paragraph_not_a_question() {
    assert!(lead::is_bold_line("**6. Why now?** (market window)"));
    assert!(lead::is_bold_line("**Why now?**"));
    assert!(lead::is_bold_line("__Rationale__:"));
    assert!(!lead::is_bold_line("**Pricing** 8%."));
    assert!(!lead::is_bold_line("**"));
    let config = crate::config::Config::from_text(
        "questions:\n  pricing:\n    text: How will we price it?\n    short_name: pricing model\n",
        std::path::Path::new("."),
    )
    .unwrap();
    let imported = import("## Why now?\n\n**Pricing** 8%.\n", &config.questions);
    assert_eq!(answer(&imported, "market_window"), Some("**Pricing** 8%."));
}

/// Import stays linear in its input: 8× the sections costs about 8× the
/// time, never the 64× a quadratic step would (10,000 `##` headings took 18 s
/// when every heading's line number was counted from the top). A generous
/// ratio of the best of several runs, not a time limit.
#[test]
fn import_grows_linearly() {
    let shapes: [fn(usize) -> String; 4] = [
        |i| format!("## Section {i}\n\nSome text about item {i}.\n\n"),
        |i| format!("## Why now?\n\nText {i}.\n\n"),
        |i| format!("**{i}. What about pricing {i}?**\n\n- item {i}\n- more\n\n"),
        |i| format!("| Problem | row {i} |\n|---|---|\n| Why now | {i} |\n\n"),
    ];
    for shape in shapes {
        let doc = |n: usize| -> String { (0..n).map(shape).collect() };
        let time = |text: &str| {
            (0..3)
                .map(|_| {
                    let start = std::time::Instant::now();
                    let imported = read(text);
                    assert!(!imported.report.is_empty());
                    start.elapsed()
                })
                .min()
                .unwrap()
        };
        // 8× the input: linear work takes about 8× the time, quadratic 64×.
        // The bound between them is wide enough for a loaded machine's noise
        // (a 4× input with a 10× bound once failed under load at 10.6×).
        let (small, large) = (doc(1_000), doc(8_000));
        let ratio = time(&large).as_secs_f64() / time(&small).as_secs_f64().max(1e-6);
        assert!(
            ratio < 24.0,
            "8× the input took {ratio:.1}× the time: {}",
            &small[..40]
        );
    }
}

/// Found by the render round trip: a sentence that starts like a section
/// name ("Differentiator 8% 8%.") under a question heading is that
/// question's answer, not question 5.
#[test]
fn a_sentence_resembling_a_section_name_is_answer_text() {
    let text = "## 5. Why are we best suited to pursue this? (our differentiator)\n\nOur CLI.\n\n## 7. How will we get this product to market? (go-to-market strategy)\n\nDifferentiator 8% 8%.\n\\/close\n";
    let imported = read(text);
    assert_eq!(answer(&imported, "differentiator"), Some("Our CLI."));
    assert_eq!(
        answer(&imported, "go_to_market"),
        Some("Differentiator 8% 8%.\n/close")
    );
}
