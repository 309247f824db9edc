//! The search input: debounced, and silent while an input method is
//! composing (half-typed pinyin is not a query).

use crate::i18n::{Lang, Msg};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

const DEBOUNCE_MS: u32 = 120;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub value: AttrValue,
    pub lang: Lang,
    pub on_change: Callback<String>,
    /// Down arrow and Enter, which move to the results.
    pub on_key: Callback<KeyboardEvent>,
    pub input_ref: NodeRef,
}

#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let composing = use_mut_ref(|| false);
    let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);

    // Keep the box in step with the state (back/forward, shared links, the
    // host's setQuery) without fighting the user while they type: the input
    // is uncontrolled, since a re-render for arriving results must never
    // reset characters typed since the last debounce.
    {
        let input_ref = props.input_ref.clone();
        let value = props.value.clone();
        use_effect_with(value, move |v| {
            if let Some(input) = input_ref.cast::<HtmlInputElement>() {
                if input.value() != v.as_str()
                    && gloo::utils::document().active_element().as_ref() != Some(input.as_ref())
                {
                    input.set_value(v);
                }
            }
        });
    }

    let schedule = {
        let timer = timer.clone();
        let on_change = props.on_change.clone();
        move |value: String| {
            let on_change = on_change.clone();
            *timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || on_change.emit(value)));
        }
    };

    let oninput = {
        let composing = composing.clone();
        let schedule = schedule.clone();
        Callback::from(move |e: InputEvent| {
            if *composing.borrow() || e.is_composing() {
                return;
            }
            let input: HtmlInputElement = e.target_unchecked_into();
            schedule(input.value());
        })
    };
    // Yew has no composition listeners in html!, so attach them directly.
    {
        let composing = composing.clone();
        let input_ref = props.input_ref.clone();
        use_effect_with((), move |_| {
            let mut ls = Vec::new();
            if let Some(input) = input_ref.cast::<HtmlInputElement>() {
                let c = composing.clone();
                ls.push(EventListener::new(&input, "compositionstart", move |_| {
                    *c.borrow_mut() = true
                }));
                let c = composing.clone();
                let el = input.clone();
                ls.push(EventListener::new(&input, "compositionend", move |_| {
                    *c.borrow_mut() = false;
                    schedule(el.value());
                }));
            }
            move || drop(ls)
        });
    }
    let onkeydown = props.on_key.reform(|e: KeyboardEvent| e);
    let lang = props.lang;
    let help = use_state(|| false);
    let toggle_help = {
        let help = help.clone();
        Callback::from(move |_: MouseEvent| help.set(!*help))
    };
    let rules = [
        ("小巨人 奖励", Msg::HelpAnd),
        ("\"专精特新企业\"", Msg::HelpPhrase),
        ("企业 -上市", Msg::HelpNot),
        ("贷款|融资 · 贷款 OR 融资 · 贷款 或 融资", Msg::HelpOr),
    ];
    html! {
        <>
        <div class="bk-search" role="search">
            <label for="bk-q" class="bk-visually-hidden">{ lang.t(Msg::Search) }</label>
            <input id="bk-q" ref={props.input_ref.clone()} type="search" class="bk-input"
                placeholder={lang.t(Msg::Placeholder)} autocomplete="off" spellcheck="false"
                maxlength="2000" aria-describedby="bk-help-hint" enterkeyhint="search"
                {oninput} {onkeydown} />
            <button class="bk-help-toggle" aria-expanded={help.to_string()} aria-controls="bk-help" onclick={toggle_help}
                aria-label={lang.t(Msg::QueryHelp)} title={lang.t(Msg::QueryHelp)}>{ "?" }</button>
        </div>
        <p id="bk-help-hint" class="bk-visually-hidden">{ lang.t(Msg::HelpHint) }</p>
        if *help {
            <section id="bk-help" class="bk-help" aria-label={lang.t(Msg::QueryHelp)}>
                <dl>{ for rules.iter().map(|(ex, m)| html! { <><dt lang="zh-CN">{ *ex }</dt><dd>{ lang.t(*m) }</dd></> }) }</dl>
            </section>
        }
        </>
    }
}
