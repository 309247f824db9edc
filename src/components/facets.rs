//! Facet lists with live counts; clicking a value toggles it as a filter.

use crate::i18n::Lang;
use baoku_core::search::Facet;
use baoku_core::Kind;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FacetPanelProps {
    pub facets: Vec<(Facet, Vec<(String, usize)>)>,
    pub active: Vec<(Facet, String)>,
    pub lang: Lang,
    pub on_toggle: Callback<(Facet, String)>,
}

fn value_label(f: Facet, v: &str, lang: Lang) -> String {
    if f == Facet::Kind && lang == Lang::Zh {
        if let Some(k) = baoku_core::search::kind_from_str(v) {
            return Kind::label_zh(k).to_string();
        }
    }
    v.to_string()
}

#[component]
pub fn FacetPanel(props: &FacetPanelProps) -> Html {
    let lang = props.lang;
    let groups = props.facets.iter().filter(|(f, v)| !v.is_empty() && *f != Facet::Month).map(|(f, vals)| {
        let f = *f;
        let items = vals.iter().take(12).map(|(v, n)| {
            let on = props.active.iter().any(|(af, av)| *af == f && av == v);
            let onclick = {
                let cb = props.on_toggle.clone();
                let v = v.clone();
                Callback::from(move |_: MouseEvent| cb.emit((f, v.clone())))
            };
            html! {
                <li>
                    <button class={classes!("bk-facet", on.then_some("bk-on"))} aria-pressed={on.to_string()} {onclick}
                        data-facet={f.key()} data-value={v.clone()}>
                        <span>{ value_label(f, v, lang) }</span><span class="bk-count">{ *n }</span>
                    </button>
                </li>
            }
        });
        html! {
            <section class="bk-facet-group" aria-label={lang.t(f.key())}>
                <h3>{ lang.t(f.key()) }</h3>
                <ul>{ for items }</ul>
            </section>
        }
    });
    html! { <aside class="bk-facets" aria-label={lang.t("filters")}>{ for groups }</aside> }
}
