//! Fields of the self-service editors. Every field has a label; the one field that is wrong
//! gets its Dutch (or English) message right above it, `aria-invalid` and
//! `aria-describedby`, and keeps what was typed. Names follow `ActionForm`'s nesting
//! (`form[veld]`, lists `form[veld][]`).

use leptos::prelude::*;

/// Builds the fields of one form; `Copy`, so closures in views can use it.
///
/// The problem is a signal, not a value: with JavaScript a refused submit only moves the
/// router to `?fout=<veld>` (no reload), so the messages must follow the URL while the fields
/// keep what was typed. Without JavaScript the same URL is rendered by the server.
#[derive(Debug, Clone, Copy)]
pub struct FieldKit {
    problem: Signal<Option<&'static str>>,
    message: Signal<&'static str>,
}

impl FieldKit {
    /// `problem` is the field that is wrong (if any), `message` what to say there.
    pub fn new(problem: Option<&'static str>, message: &'static str) -> Self {
        Self {
            problem: Signal::stored(problem),
            message: Signal::stored(message),
        }
    }

    /// Follows `?fout=<veld>` in the URL: one of `fields` is the problem, `message` says what
    /// is wrong with it. Any other `fout` value is no field problem.
    pub fn from_query(
        fields: &'static [&'static str],
        message: impl Fn(&'static str) -> &'static str + Send + Sync + 'static,
    ) -> Self {
        let query = leptos_router::hooks::use_query_map();
        let problem = Memo::new(move |_| {
            let fout = query.read().get("fout")?;
            fields.iter().copied().find(|f| *f == fout)
        });
        Self {
            problem: problem.into(),
            message: Signal::derive(move || problem.get().map(&message).unwrap_or_default()),
        }
    }

    /// The field that is wrong now (tracked: use it inside a closure in a view).
    pub fn problem(self) -> Option<&'static str> {
        self.problem.get()
    }

    /// "Check the fields" above the form while a field is wrong: a live region, so a screen
    /// reader says it when it appears without a reload.
    pub fn summary(self, text: &'static str) -> impl IntoView {
        move || {
            self.problem().is_some().then(|| {
                view! { <p class="problem" role="alert" id="bewerk-probleem">{text}</p> }
            })
        }
    }

    fn wrong(self, field: &str) -> bool {
        self.problem.get() == Some(field)
    }

    fn described(self, field: &str) -> Option<String> {
        self.wrong(field).then(|| format!("{field}-fout"))
    }

    fn note(self, field: &'static str) -> impl IntoView {
        move || {
            self.wrong(field).then(|| {
                view! { <p class="problem field-problem" id=format!("{field}-fout")>{self.message.get()}</p> }
            })
        }
    }

    /// `aria-invalid` of a field, following the problem.
    pub fn invalid(self, field: &'static str) -> impl Fn() -> String + Send + Sync + Copy {
        move || self.wrong(field).to_string()
    }

    /// `aria-describedby` of a field, following the problem.
    pub fn described_by(
        self,
        field: &'static str,
    ) -> impl Fn() -> Option<String> + Send + Sync + Copy {
        move || self.described(field)
    }

    /// A one-line text field (`kind`: text, tel, email, number).
    pub fn text(
        self,
        field: &'static str,
        label: &'static str,
        value: String,
        kind: &'static str,
    ) -> impl IntoView {
        self.input(field, format!("form[{field}]"), label, value, kind)
    }

    /// [`FieldKit::text`] for a form whose fields are plain names (not `form[...]`).
    pub fn plain_text(
        self,
        field: &'static str,
        label: &'static str,
        value: String,
    ) -> impl IntoView {
        self.input(field, field.to_string(), label, value, "text")
    }

    /// A one-line field whose id (`field`, also the problem's name) differs from its form
    /// name, for a second form on the same page.
    pub fn input_named(
        self,
        field: &'static str,
        name: &'static str,
        label: &'static str,
        value: String,
        kind: &'static str,
    ) -> impl IntoView {
        self.input(field, name.to_string(), label, value, kind)
    }

    fn input(
        self,
        field: &'static str,
        name: String,
        label: &'static str,
        value: String,
        kind: &'static str,
    ) -> impl IntoView {
        view! {
            <div class="field">
                <label for=field>{label}</label>
                {self.note(field)}
                <input id=field name=name type=kind value=value
                    aria-invalid=self.invalid(field) aria-describedby=self.described_by(field)/>
            </div>
        }
    }

    /// A text area.
    pub fn area(
        self,
        field: &'static str,
        label: &'static str,
        value: String,
        rows: u8,
    ) -> impl IntoView {
        self.text_area(field, format!("form[{field}]"), label, value, rows)
    }

    /// [`FieldKit::area`] for a form whose fields are plain names.
    pub fn plain_area(
        self,
        field: &'static str,
        label: &'static str,
        value: String,
        rows: u8,
    ) -> impl IntoView {
        self.text_area(field, field.to_string(), label, value, rows)
    }

    fn text_area(
        self,
        field: &'static str,
        name: String,
        label: &'static str,
        value: String,
        rows: u8,
    ) -> impl IntoView {
        view! {
            <div class="field">
                <label for=field>{label}</label>
                {self.note(field)}
                <textarea id=field name=name rows=rows.to_string()
                    aria-invalid=self.invalid(field)
                    aria-describedby=self.described_by(field) prop:value=value.clone()>{crate::safe::textarea_text(&value)}</textarea>
            </div>
        }
    }

    /// A yes/no checkbox that sends "ja".
    pub fn check(self, field: &'static str, label: &'static str, on: bool) -> impl IntoView {
        view! {
            <div class="field field-check">
                {self.note(field)}
                <input type="checkbox" id=field name=format!("form[{field}]") value="ja" checked=on
                    aria-invalid=self.invalid(field) aria-describedby=self.described_by(field)/>
                <label for=field>{label}</label>
            </div>
        }
    }

    /// A choice from a list of (value, label).
    pub fn select(
        self,
        field: &'static str,
        label: &'static str,
        options: Vec<(String, String)>,
        chosen: String,
    ) -> impl IntoView {
        view! {
            <div class="field">
                <label for=field>{label}</label>
                {self.note(field)}
                <select id=field name=format!("form[{field}]") aria-invalid=self.invalid(field)
                    aria-describedby=self.described_by(field)>
                    {options.into_iter().map(|(v, l)| {
                        let selected = v == chosen;
                        view! { <option value=v selected=selected>{l}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    }

    /// Several choices: a fieldset of checkboxes sending a list.
    pub fn checks(
        self,
        field: &'static str,
        legend: &'static str,
        options: Vec<(String, String)>,
        chosen: Vec<String>,
    ) -> impl IntoView {
        view! {
            <fieldset class="field checks" id=field aria-describedby=self.described_by(field)>
                <legend>{legend}</legend>
                {self.note(field)}
                <ul class="chips">
                    {options.into_iter().enumerate().map(|(n, (v, l))| {
                        let id = format!("{field}-{n}");
                        let on = chosen.contains(&v);
                        view! {
                            <li>
                                <input type="checkbox" id=id.clone() name=format!("form[{field}][]") value=v checked=on/>
                                <label for=id>{l}</label>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </fieldset>
        }
    }
}
