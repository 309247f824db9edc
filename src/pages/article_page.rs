//! The reader view: heading, byline, metadata, paragraphs with the query's
//! hits highlighted, hit stepping, citation, previous/next result.

use crate::components::export::CiteTools;
use crate::components::extras::ArticleExtras;
use crate::components::highlighted::Highlighted;
use crate::i18n::{Lang, Msg};
use crate::loader::Reader;
use baoku_core::search::highlight_parts;
use baoku_core::Article;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct ArticlePageProps {
    pub reader: Rc<Reader>,
    pub article: Rc<Article>,
    pub terms: Vec<String>,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub lang: Lang,
    pub on_open: Callback<String>,
    pub on_close: Callback<()>,
    /// This widget owns the address bar, so article links can be given.
    pub links: bool,
}

impl PartialEq for ArticlePageProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.reader, &o.reader)
            && Rc::ptr_eq(&self.article, &o.article)
            && self.terms == o.terms
            && self.prev == o.prev
            && self.next == o.next
            && self.lang == o.lang
            && self.links == o.links
    }
}

#[component]
pub fn ArticlePage(props: &ArticlePageProps) -> Html {
    let lang = props.lang;
    let a = &props.article;
    let folder = props.reader.archive.folder();
    let hit = use_state(|| 0usize);
    let body_ref = use_node_ref();
    let terms = &props.terms;
    let title = a.display_title();
    let head_hl = highlight_parts(folder, &[&title], terms).remove(0);
    let parts: Vec<&str> = a.paragraphs.iter().map(String::as_str).collect();
    let para_hl = highlight_parts(folder, &parts, terms);
    let total_hits: usize = para_hl.iter().map(Vec::len).sum();
    let mut base = 0;
    let paragraphs = a.paragraphs.iter().zip(para_hl).map(|(p, r)| {
        let b = base;
        base += r.len();
        html! { <p><Highlighted text={p.clone()} ranges={r} id_base={Some(b)} /></p> }
    });
    let step = {
        let hit = hit.clone();
        let body_ref = body_ref.clone();
        move |d: i64| {
            let hit = hit.clone();
            let body_ref = body_ref.clone();
            Callback::from(move |_: MouseEvent| {
                // Query inside the article, not the document: the widget may live in a shadow root.
                let Some(body) = body_ref.cast::<web_sys::Element>() else {
                    return;
                };
                if total_hits == 0 {
                    return;
                }
                let n = ((*hit as i64 + d).rem_euclid(total_hits as i64)) as usize;
                if let Ok(Some(el)) = body.query_selector(&format!("#hit-{n}")) {
                    el.scroll_into_view();
                    if let Ok(Some(prev)) = body.query_selector("mark.bk-current") {
                        let _ = prev.class_list().remove_1("bk-current");
                    }
                    let _ = el.class_list().add_1("bk-current");
                }
                hit.set(n);
            })
        }
    };
    let nav = |id: &Option<String>, label: &'static str| {
        let cb = props.on_open.clone();
        match id.clone() {
            Some(id) => {
                html! { <button class="bk-nav" onclick={Callback::from(move |_: MouseEvent| cb.emit(id.clone()))}>{ label }</button> }
            }
            None => html! { <button class="bk-nav" disabled=true>{ label }</button> },
        }
    };
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    let link = |id: String, label: &'static str| {
        let cb = props.on_open.clone();
        html! { <button class="bk-link" onclick={Callback::from(move |_: MouseEvent| cb.emit(id.clone()))}>{ label }</button> }
    };
    let names = |label: &'static str, v: &Vec<String>| {
        (!v.is_empty()).then(|| html! { <span class="bk-byline-part">{ label }{ " " }<span lang="zh-CN">{ v.join(" ") }</span></span> })
    };
    html! {
        <article class="bk-article" aria-labelledby="bk-article-title">
            <nav class="bk-article-nav">
                <button class="bk-back" onclick={on_close}>{ "← " }{ lang.t(Msg::Back) }</button>
                { nav(&props.prev, lang.t(Msg::Prev)) }
                { nav(&props.next, lang.t(Msg::Next)) }
            </nav>
            <header>
                if let Some(k) = &a.kicker { <p class="bk-kicker" lang="zh-CN">{ k.clone() }</p> }
                <h2 id="bk-article-title" tabindex="-1" lang="zh-CN"><Highlighted text={title.clone()} ranges={head_hl} /></h2>
                if let Some(s) = &a.subheadline { <p class="bk-sub" lang="zh-CN">{ s.clone() }</p> }
                <p class="bk-byline">
                    { names(lang.t(Msg::Reporters), &a.reporters).unwrap_or_default() }
                    { names(lang.t(Msg::Correspondents), &a.correspondents).unwrap_or_default() }
                    { names(lang.t(Msg::Authors), &a.authors).unwrap_or_default() }
                </p>
                <dl class="bk-facts">
                    if let Some(p) = &a.publication { <dt>{ lang.t(Msg::Publication) }</dt><dd lang="zh-CN">{ p.clone() }</dd> }
                    if let Some(d) = &a.date { <dt>{ lang.t(Msg::Date) }</dt><dd>{ d.clone() }{ if a.date_inferred { lang.t(Msg::Inferred) } else { "" } }</dd> }
                    if let Some(p) = &a.page { <dt>{ lang.t(Msg::Page) }</dt><dd>{ p.clone() }</dd> }
                </dl>
            </header>
            if total_hits > 0 {
                <div class="bk-hitbar">
                    <span>{ format!("{} {}/{}", lang.t(Msg::Hit), *hit + 1, total_hits) }</span>
                    <button onclick={step(-1)} aria-label={lang.t(Msg::PrevHit)}>{ "↑" }</button>
                    <button onclick={step(1)} aria-label={lang.t(Msg::NextHit)}>{ "↓" }</button>
                </div>
            }
            <div class="bk-body" ref={body_ref} lang="zh-CN">{ for paragraphs }</div>
            if let Some(c) = &a.continued_on {
                <p class="bk-continued">
                    { format!("{} {}", lang.t(Msg::Continued), c) }
                    if let Some(id) = &a.continues_in { { " " }{ link(id.clone(), lang.t(Msg::ReadOn)) } }
                </p>
            }
            if let Some(id) = &a.continued_from { <p class="bk-continued">{ link(id.clone(), lang.t(Msg::ContinuedFrom)) }</p> }
            <ArticleExtras reader={props.reader.clone()} article={props.article.clone()} lang={lang} on_open={props.on_open.clone()} />
            <CiteTools article={props.article.clone()} lang={lang} links={props.links} />
        </article>
    }
}
