//! Text with highlighted ranges. Corpus text only ever becomes text nodes,
//! never markup, so `<script>` in a page shows as those characters.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HighlightedProps {
    pub text: AttrValue,
    /// Char ranges `[start, end)`, sorted and disjoint.
    #[prop_or_default]
    pub ranges: Vec<(usize, usize)>,
    /// Give each mark an id `hit-{base+i}` so the reader view can step through hits.
    #[prop_or_default]
    pub id_base: Option<usize>,
}

#[component]
pub fn Highlighted(props: &HighlightedProps) -> Html {
    let chars: Vec<char> = props.text.chars().collect();
    let mut out: Vec<Html> = Vec::new();
    let mut at = 0;
    for (i, &(s, e)) in props.ranges.iter().enumerate() {
        let (s, e) = (s.min(chars.len()), e.min(chars.len()));
        if s < at || s >= e {
            continue;
        }
        out.push(html! { chars[at..s].iter().collect::<String>() });
        let id = props.id_base.map(|b| format!("hit-{}", b + i));
        out.push(html! { <mark id={id}>{ chars[s..e].iter().collect::<String>() }</mark> });
        at = e;
    }
    out.push(html! { chars[at..].iter().collect::<String>() });
    html! { <>{ for out }</> }
}
