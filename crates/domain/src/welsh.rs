//! Welsh initial mutations, for search. Welsh changes the first sound of a
//! word after certain words: "bara" (bread) becomes "fara" (soft), "mara"
//! (nasal); "cath" becomes "gath", "nghath", "chath"; "asgwrn" becomes
//! "hasgwrn" (h-prothesis). Search folds every word it is asked for to the
//! set of radicals it may come from, then to every form those radicals take,
//! so any mutated form finds the radical and the reverse. Which forms are
//! related is the same whichever side is folded: a word in the text matches
//! a word asked for when they may share a radical.
//!
//! It is generous on purpose: "fara" may come from "bara" or "mara", and a
//! word starting with a vowel, l, r or w may have lost a "g" ("waith" from
//! "gwaith"), so a few unrelated words can match too.

/// The mutations of a radical's initial: (radical initial, mutated initials).
/// Soft, nasal and aspirate, in that order; an initial that does not mutate
/// is not listed. Digraphs come before the letters they start with.
pub const RULES: &[(&str, &[&str])] = &[
    ("ch", &[]),
    ("c", &["g", "ngh", "ch"]),
    ("ph", &[]),
    ("p", &["b", "mh", "ph"]),
    ("th", &[]),
    ("t", &["d", "nh", "th"]),
    ("b", &["f", "m"]),
    ("dd", &[]),
    ("d", &["dd", "n"]),
    ("ng", &[]),
    ("g", &["", "ng"]),
    ("m", &["f"]),
    ("ll", &["l"]),
    ("rh", &["r"]),
];

const VOWELS: &str = "aeiouwyâêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ";

fn starts_with_vowel(word: &str) -> bool {
    word.chars().next().is_some_and(|c| VOWELS.contains(c))
}

/// The forms a radical takes: itself and its mutations (h-prothesis for a
/// radical starting with a vowel).
pub fn mutations(radical: &str) -> Vec<String> {
    let mut out = vec![radical.to_string()];
    if starts_with_vowel(radical) {
        out.push(format!("h{radical}"));
        return out;
    }
    if let Some((initial, mutated)) = RULES.iter().find(|(i, _)| radical.starts_with(i)) {
        let rest = &radical[initial.len()..];
        for m in *mutated {
            if !(m.is_empty() && rest.is_empty()) {
                out.push(format!("{m}{rest}"));
            }
        }
    }
    out
}

/// The radicals a word may be a form of: itself, and every word one of whose
/// mutations it is.
pub fn radicals(word: &str) -> Vec<String> {
    let mut out = vec![word.to_string()];
    let mut add = |w: String| {
        if !w.is_empty() && !out.contains(&w) {
            out.push(w);
        }
    };
    for (initial, mutated) in RULES {
        for m in *mutated {
            if m.is_empty() {
                // A soft-mutated "g" is gone: before a vowel, l, r or w.
                let next = word.chars().next();
                if starts_with_vowel(word) || matches!(next, Some('l' | 'r')) {
                    add(format!("{initial}{word}"));
                }
            } else if let Some(rest) = word.strip_prefix(m)
                && !rest.is_empty()
            {
                add(format!("{initial}{rest}"));
            }
        }
    }
    if let Some(rest) = word.strip_prefix('h')
        && starts_with_vowel(rest)
    {
        add(rest.to_string());
    }
    out
}

/// Every form that shares a radical with `word` (lowercased), the word first.
/// Words shorter than three letters are left as they are.
pub fn forms(word: &str) -> Vec<String> {
    let word = word.to_lowercase();
    if word.chars().count() < 3 {
        return vec![word];
    }
    let mut out: Vec<String> = Vec::new();
    for r in radicals(&word) {
        for f in mutations(&r) {
            if !out.contains(&f) {
                out.push(f);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rules, one row a radical: (radical, soft, nasal, aspirate).
    const TABLE: &[(&str, &[&str])] = &[
        ("pen", &["ben", "mhen", "phen"]),
        ("tad", &["dad", "nhad", "thad"]),
        ("cath", &["gath", "nghath", "chath"]),
        ("bara", &["fara", "mara"]),
        ("dafad", &["ddafad", "nafad"]),
        ("gardd", &["ardd", "ngardd"]),
        ("gwaith", &["waith", "ngwaith"]),
        ("mam", &["fam"]),
        ("llaw", &["law"]),
        ("rhaglen", &["raglen"]),
        ("asgwrn", &["hasgwrn"]),
        ("ysgol", &["hysgol"]),
        ("chwarae", &[]),
        ("ffordd", &[]),
        ("nos", &[]),
        ("llong", &["long"]),
    ];

    #[test]
    fn the_table_of_mutations() {
        for (radical, mutated) in TABLE {
            let mut want = vec![radical.to_string()];
            want.extend(mutated.iter().map(|m| m.to_string()));
            assert_eq!(mutations(radical), want, "{radical}");
            for m in *mutated {
                assert!(
                    radicals(m).contains(&radical.to_string()),
                    "{m} ← {radical}"
                );
                assert!(
                    forms(m).contains(&radical.to_string()),
                    "{m} finds {radical}"
                );
                assert!(
                    forms(radical).contains(&m.to_string()),
                    "{radical} finds {m}"
                );
            }
        }
    }

    #[test]
    fn any_form_finds_the_others() {
        for (a, b) in [
            ("bara", "fara"),
            ("fara", "bara"),
            ("asgwrn", "hasgwrn"),
            ("hasgwrn", "asgwrn"),
            ("nghath", "cath"),
            ("gath", "cath"),
            ("gath", "nghath"),
            ("Fara", "bara"),
            ("ngardd", "ardd"),
        ] {
            assert!(forms(a).contains(&b.to_string()), "{a} finds {b}");
        }
    }

    #[test]
    fn unrelated_words_and_short_ones_stay_apart() {
        assert!(!forms("bara").contains(&"cath".to_string()));
        assert!(!forms("ffordd").contains(&"bordd".to_string()));
        assert_eq!(forms("yn"), vec!["yn"]);
        assert_eq!(forms("Cath")[0], "cath");
        // "ch" may be an aspirated "c": generous, but still a handful.
        assert_eq!(
            forms("chwarae"),
            ["chwarae", "cwarae", "gwarae", "nghwarae"]
        );
    }
}
