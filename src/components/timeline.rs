//! Matches over time, on a true time axis: every year (or every month of
//! the span) gets a bar, empty ones included, so gaps show. Long spans show
//! years; a year's bar drills down to its months. A bar sets the date
//! range; the bars are buttons in one tab stop, moved with the arrow keys.

use crate::components::roving::arrow_focus;
use crate::i18n::{Lang, Msg};
use crate::state::Range;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// Matches per month `YYYY-MM`, oldest first (months without matches
    /// may be absent).
    pub months: Vec<(String, usize)>,
    pub range: Range,
    pub lang: Lang,
    pub on_range: Callback<Range>,
}

/// Months from `first` to `last` inclusive (`YYYY-MM`).
fn month_span(first: &str, last: &str) -> Vec<String> {
    let parse = |m: &str| -> Option<(i32, i32)> {
        Some((m.get(0..4)?.parse().ok()?, m.get(5..7)?.parse().ok()?))
    };
    let (Some((mut y, mut m)), Some((ly, lm))) = (parse(first), parse(last)) else {
        return vec![];
    };
    let mut v = Vec::new();
    while (y, m) <= (ly, lm) && v.len() < 12 * 300 {
        v.push(format!("{y:04}-{m:02}"));
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
    }
    v
}

/// The bars to draw: (label, range it selects, count, accessible name).
fn bars(props: &TimelineProps) -> (Vec<(String, String, usize)>, bool) {
    let months = &props.months;
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        return (vec![], false);
    };
    let count = |p: &str| -> usize {
        months
            .iter()
            .filter(|(m, _)| m.starts_with(p))
            .map(|(_, c)| *c)
            .sum()
    };
    // A single year chosen: its twelve months.
    let year = props
        .range
        .from
        .as_ref()
        .filter(|f| f.len() == 4 && props.range.to.as_ref() == Some(f))
        .or_else(|| {
            let f = props.range.from.as_ref()?;
            let t = props.range.to.as_ref()?;
            (f.len() >= 7 && t.len() >= 7 && f.get(..4) == t.get(..4)).then_some(f)
        })
        .and_then(|y| y.get(..4))
        .map(str::to_string);
    let span = match &year {
        Some(y) => month_span(&format!("{y}-01"), &format!("{y}-12")),
        None => month_span(&first.0, &last.0),
    };
    if year.is_some() || span.len() <= 24 {
        let v = span
            .into_iter()
            .map(|m| {
                let c = count(&m);
                (m.clone(), m, c)
            })
            .collect();
        return (v, true);
    }
    let year_of = |m: &str| m.get(..4).and_then(|y| y.parse::<i32>().ok()).unwrap_or(0);
    let ly = year_of(&last.0);
    // At most three centuries of bars, the latest ones.
    let fy = year_of(&first.0).max(ly - 299);
    let v = (fy..=ly)
        .map(|y| {
            let y = format!("{y:04}");
            let c = count(&y);
            (y.clone(), y, c)
        })
        .collect();
    (v, false)
}

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let lang = props.lang;
    let (bars, by_month) = bars(props);
    if bars.is_empty() {
        return html! {};
    }
    let max = bars.iter().map(|b| b.2).max().unwrap_or(1).max(1);
    let current = bars
        .iter()
        .position(|b| props.range == Range::exactly(&b.1))
        .unwrap_or(bars.len() - 1);
    let items = bars.iter().enumerate().map(|(i, (label, sel, c))| {
        let on = props.range == Range::exactly(sel);
        let onclick = {
            let cb = props.on_range.clone();
            let r = if on { Range::default() } else { Range::exactly(sel) };
            Callback::from(move |_: MouseEvent| cb.emit(r.clone()))
        };
        // Height in tenths, as a class: the strict CSP allows no inline styles.
        let tenth = (10 * *c).div_ceil(max);
        let short = if by_month { label.get(5..).unwrap_or(label).to_string() } else { label.clone() };
        let name = format!("{label}: {c} {}", lang.t(Msg::Articles));
        html! {
            <button key={sel.clone()} class={classes!("bk-bar", on.then_some("bk-on"), (*c == 0).then_some("bk-bar-empty"))}
                aria-pressed={on.to_string()} tabindex={if i == current { "0" } else { "-1" }}
                title={name.clone()} data-period={sel.clone()} {onclick}>
                <span class="bk-visually-hidden">{ name }</span>
                <span class={format!("bk-bar-fill bk-h{tenth}")}></span>
                <span class="bk-bar-label" aria-hidden="true">{ short }</span>
            </button>
        }
    });
    let group = use_node_ref();
    let onkeydown = {
        let group = group.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(g) = group.cast::<web_sys::Element>() {
                // The tab stop stays Yew's (the chosen bar); arrows only move focus.
                arrow_focus(&e, &g, "button.bk-bar", "ArrowLeft", "ArrowRight");
            }
        })
    };
    let up = (!props.range.is_empty()).then(|| {
        let cb = props.on_range.clone();
        // From a month or a year back to the whole span.
        let parent = match &props.range.from {
            Some(f) if f.len() >= 7 && props.range.from == props.range.to => {
                f.get(..4).map(Range::exactly).unwrap_or_default()
            }
            _ => Range::default(),
        };
        html! { <button class="bk-bar-up" onclick={Callback::from(move |_: MouseEvent| cb.emit(parent.clone()))}>{ lang.t(Msg::WiderRange) }</button> }
    });
    html! {
        <figure class="bk-timeline">
            <figcaption id="bk-timeline-cap">{ lang.t(if by_month { Msg::TimelineMonths } else { Msg::TimelineYears }) }</figcaption>
            <div class="bk-bars" role="group" aria-labelledby="bk-timeline-cap" ref={group} {onkeydown}>{ for items }</div>
            { up.unwrap_or_default() }
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::month_span;

    #[test]
    fn spans_cross_years_and_keep_empty_months() {
        let v = month_span("2022-11", "2023-02");
        assert_eq!(v, ["2022-11", "2022-12", "2023-01", "2023-02"]);
        assert!(month_span("bad", "2023-01").is_empty());
    }
}

#[derive(Properties, PartialEq)]
pub struct RangeInputsProps {
    pub range: Range,
    pub lang: Lang,
    pub on_range: Callback<Range>,
}

/// From/to date fields. A bound given as a year or month shows as its
/// first (from) or last (to) day.
#[component]
pub fn RangeInputs(props: &RangeInputsProps) -> Html {
    let lang = props.lang;
    let shown = |b: &Option<String>, end: bool| -> String {
        match b.as_deref() {
            Some(y) if y.len() == 4 => format!("{y}-{}", if end { "12-31" } else { "01-01" }),
            Some(m) if m.len() == 7 => {
                if end {
                    let days = match m.get(5..7).unwrap_or("") {
                        "02" => {
                            let y: i32 = m.get(..4).and_then(|y| y.parse().ok()).unwrap_or(1);
                            if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 {
                                29
                            } else {
                                28
                            }
                        }
                        "04" | "06" | "09" | "11" => 30,
                        _ => 31,
                    };
                    format!("{m}-{days}")
                } else {
                    format!("{m}-01")
                }
            }
            Some(d) => d.to_string(),
            None => String::new(),
        }
    };
    let field = |end: bool| {
        let cb = props.on_range.clone();
        let range = props.range.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            let v = el.value();
            let v = baoku_core::search::is_date_bound(&v).then_some(v);
            let mut r = range.clone();
            if end {
                r.to = v;
            } else {
                r.from = v;
            }
            cb.emit(r);
        })
    };
    html! {
        <div class="bk-range">
            <label>{ lang.t(Msg::DateFrom) }
                <input type="date" value={shown(&props.range.from, false)} onchange={field(false)} /></label>
            <label>{ lang.t(Msg::DateTo) }
                <input type="date" value={shown(&props.range.to, true)} onchange={field(true)} /></label>
        </div>
    }
}
