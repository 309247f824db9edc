//! What the build extracted from an article, in the reader: key figures
//! with the sentence each comes from, policy documents, organisations,
//! people, and related articles (their headlines fetched by id).

use crate::i18n::{Lang, Msg};
use crate::loader::Reader;
use baoku_core::Article;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct ExtrasProps {
    pub reader: Rc<Reader>,
    pub article: Rc<Article>,
    pub lang: Lang,
    pub on_open: Callback<String>,
}

impl PartialEq for ExtrasProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.reader, &o.reader)
            && Rc::ptr_eq(&self.article, &o.article)
            && self.lang == o.lang
    }
}

#[component]
pub fn ArticleExtras(props: &ExtrasProps) -> Html {
    let lang = props.lang;
    let a = &props.article;
    // Related articles: (id, headline) once their fragments are fetched.
    let related = use_state(Vec::<(String, String)>::new);
    {
        let related = related.clone();
        let reader = props.reader.clone();
        let ids = a.related.clone();
        use_effect_with(a.id.clone(), move |_| {
            related.set(Vec::new());
            wasm_bindgen_futures::spawn_local(async move {
                let mut out = Vec::new();
                for id in ids {
                    if let Ok(Some(d)) = reader.locate(&id).await {
                        if let Ok(r) = reader.article(d).await {
                            out.push((id, r.display_title()));
                        }
                    }
                }
                related.set(out);
            });
        });
    }
    let figures = a.amounts.iter().map(|m| {
        let sentence = a.amount_sentence(m).unwrap_or_default();
        html! { <li><strong>{ m.text.clone() }</strong>{ " " }<span class="bk-sentence" lang="zh-CN">{ sentence }</span></li> }
    });
    let list = |items: Vec<String>| html! { <ul class="bk-tags" lang="zh-CN">{ for items.into_iter().map(|t| html! { <li>{ t }</li> }) }</ul> };
    let people: Vec<String> = a
        .people
        .iter()
        .map(|p| format!("{}{}", p.title, p.name))
        .collect();
    let links = related.iter().map(|(id, title)| {
        let (cb, id) = (props.on_open.clone(), id.clone());
        html! { <li><button class="bk-link" lang="zh-CN" onclick={Callback::from(move |_: MouseEvent| cb.emit(id.clone()))}>{ title.clone() }</button></li> }
    });
    html! {
        <aside class="bk-extras">
            if !a.amounts.is_empty() { <section><h3>{ lang.t(Msg::KeyFigures) }</h3><ul class="bk-figures">{ for figures }</ul></section> }
            if !a.documents.is_empty() { <section><h3>{ lang.t(Msg::Documents) }</h3>{ list(a.documents.iter().map(|d| format!("《{d}》")).collect()) }</section> }
            if !a.organizations.is_empty() { <section><h3>{ lang.t(Msg::Organizations) }</h3>{ list(a.organizations.clone()) }</section> }
            if !people.is_empty() { <section><h3>{ lang.t(Msg::People) }</h3>{ list(people) }</section> }
            if !related.is_empty() { <section><h3>{ lang.t(Msg::Related) }</h3><ul class="bk-related">{ for links }</ul></section> }
        </aside>
    }
}
