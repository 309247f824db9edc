//! Matches per month as a small SVG bar chart; a bar click filters on it.

use crate::i18n::{Lang, Msg};
use baoku_core::search::Facet;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub months: Vec<(String, usize)>,
    pub active: Vec<(Facet, String)>,
    pub lang: Lang,
    pub on_toggle: Callback<(Facet, String)>,
}

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    if props.months.is_empty() {
        return html! {};
    }
    let max = props.months.iter().map(|m| m.1).max().unwrap_or(1).max(1) as f64;
    let n = props.months.len();
    let bw = 24.0;
    let width = (n as f64 * (bw + 6.0)).max(60.0);
    let bars = props.months.iter().enumerate().map(|(i, (m, c))| {
        let h = 40.0 * *c as f64 / max;
        let on = props.active.iter().any(|(f, v)| *f == Facet::Month && v == m);
        let onclick = {
            let cb = props.on_toggle.clone();
            let m = m.clone();
            Callback::from(move |_: MouseEvent| cb.emit((Facet::Month, m.clone())))
        };
        let x = i as f64 * (bw + 6.0);
        html! {
            <g class={classes!("bk-bar", on.then_some("bk-on"))} {onclick} role="button" tabindex="0" aria-label={format!("{m}: {c}")} data-month={m.clone()}>
                <title>{ format!("{m}: {c}") }</title>
                <rect x={x.to_string()} y={(44.0 - h).to_string()} width={bw.to_string()} height={h.max(1.0).to_string()} />
                <text x={(x + bw / 2.0).to_string()} y="56" text-anchor="middle">{ m.get(2..).unwrap_or(m).to_string() }</text>
            </g>
        }
    });
    html! {
        <figure class="bk-timeline">
            <figcaption>{ props.lang.t(Msg::Timeline) }</figcaption>
            <svg viewBox={format!("0 0 {width} 60")} width={width.to_string()} height="60" role="group">{ for bars }</svg>
        </figure>
    }
}
