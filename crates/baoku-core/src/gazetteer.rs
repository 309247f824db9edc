//! Liaocheng's county-level divisions and the short forms the paper uses.
//! An article's places are the divisions its kicker, headline and body talk
//! about (see `places_of`).

/// (canonical name, aliases that also count as a mention).
pub const DIVISIONS: &[(&str, &[&str])] = &[
    ("东昌府区", &["东昌府"]),
    ("临清市", &["临清"]),
    ("茌平区", &["茌平"]),
    ("高唐县", &["高唐"]),
    ("莘县", &[]),
    ("冠县", &[]),
    ("阳谷县", &["阳谷"]),
    ("东阿县", &[]),
    ("开发区", &["经济技术开发区", "经开区"]),
    ("高新区", &["高新技术产业开发区"]),
    ("度假区", &["旅游度假区"]),
];

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

/// Mentions of each division: the canonical name counts, aliases count
/// where they are not part of the canonical name (临清 inside 临清市).
fn mentions(text: &str, name: &str, aliases: &[&str]) -> usize {
    let mut n = count(text, name);
    for a in aliases {
        let c = count(text, a);
        // An alias that is a prefix of the name was already counted there.
        let inside = if name.contains(a) {
            count(text, name)
        } else {
            0
        };
        // An alias that contains the name (经济技术开发区) was counted by the name.
        let covering = if a.contains(name) { c } else { 0 };
        n += c.saturating_sub(inside).saturating_sub(covering);
    }
    n
}

/// Divisions the story is about: any named in the heading, plus those the
/// body mentions at least twice, strongest first. Mentions in headings
/// count triple.
pub fn places_of(heading: &str, body: &str) -> Vec<String> {
    let mut scored: Vec<(usize, usize, &str)> = DIVISIONS
        .iter()
        .enumerate()
        .filter_map(|(i, (name, aliases))| {
            let h = mentions(heading, name, aliases);
            let b = mentions(body, name, aliases);
            let score = 3 * h + b;
            (h > 0 || b >= 2).then_some((score, i, *name))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
        .into_iter()
        .take(3)
        .map(|(_, _, n)| n.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_are_not_double_counted() {
        assert_eq!(mentions("临清市临清", "临清市", &["临清"]), 2);
        assert_eq!(places_of("临清市", ""), vec!["临清市"]);
        assert_eq!(places_of("", "茌平区有湖，茌平区有鸟"), vec!["茌平区"]);
        assert!(places_of("", "莘县").is_empty());
    }
}
