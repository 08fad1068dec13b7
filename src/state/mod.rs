//! The one application state and its reducer: every user action becomes an [`Action`], and
//! [`AppState::reduce`] calls the pure model to make the next state. No I/O happens here.

use std::rc::Rc;

use yew::Reducible;

use crate::model::{AnnotationId, AnnotationSet, Article, Label, Span};

/// A message shown to the user in the notice bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Error or information.
    pub kind: NoticeKind,
    /// What to tell the user, in a sentence.
    pub text: String,
}

/// How a [`Notice`] is presented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something worked (shown politely).
    Info,
    /// Something was refused or failed (announced at once).
    Error,
}

impl Notice {
    /// An information notice.
    pub fn info(text: impl Into<String>) -> Self {
        Notice {
            kind: NoticeKind::Info,
            text: text.into(),
        }
    }

    /// An error notice.
    pub fn error(text: impl Into<String>) -> Self {
        Notice {
            kind: NoticeKind::Error,
            text: text.into(),
        }
    }
}

/// Everything the app shows.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The article being annotated.
    pub article: Rc<Article>,
    /// Its annotations.
    pub annotations: Rc<AnnotationSet>,
    /// The annotation the user is working on.
    pub selected: Option<AnnotationId>,
    /// The last message for the user.
    pub notice: Option<Notice>,
}

/// What a user can do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Mark `span` with `label`.
    Tag {
        /// Code point offsets from the selection.
        span: Span,
        /// The label to apply.
        label: Label,
    },
    /// Delete an annotation.
    Delete(AnnotationId),
    /// Make an annotation the current one, or clear the current one.
    Select(Option<AnnotationId>),
    /// Show a message.
    Notify(Notice),
    /// Hide the message.
    DismissNotice,
}

impl AppState {
    /// A state showing `article` with no annotations.
    pub fn new(article: Article) -> Self {
        AppState {
            article: Rc::new(article),
            annotations: Rc::new(AnnotationSet::new()),
            selected: None,
            notice: None,
        }
    }

    fn with(self: &Rc<Self>, change: impl FnOnce(&mut AppState)) -> Rc<Self> {
        let mut next = (**self).clone();
        change(&mut next);
        Rc::new(next)
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Tag { span, label } => {
                let mut annotations = (*self.annotations).clone();
                match annotations.add(&self.article, span, label) {
                    Ok(added) => self.with(|s| {
                        s.annotations = Rc::new(annotations);
                        s.selected = Some(added.id);
                        s.notice = None;
                    }),
                    Err(refused) => {
                        self.with(|s| s.notice = Some(Notice::error(refused.to_string())))
                    }
                }
            }
            Action::Delete(id) => {
                let mut annotations = (*self.annotations).clone();
                match annotations.remove(id) {
                    Some(_) => self.with(|s| {
                        s.annotations = Rc::new(annotations);
                        if s.selected == Some(id) {
                            s.selected = None;
                        }
                    }),
                    None => self,
                }
            }
            Action::Select(id) => {
                let known = id.is_none_or(|id| self.annotations.get(id).is_some());
                if self.selected == id || !known {
                    self
                } else {
                    self.with(|s| s.selected = id)
                }
            }
            Action::Notify(notice) => self.with(|s| s.notice = Some(notice)),
            Action::DismissNotice if self.notice.is_none() => self,
            Action::DismissNotice => self.with(|s| s.notice = None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Metadata, ParagraphKind};

    fn state() -> Rc<AppState> {
        Rc::new(AppState::new(Article::from_paragraphs(
            [("Officials said 12 wells closed.", ParagraphKind::Body)],
            Metadata::default(),
        )))
    }

    #[test]
    fn tagging_selects_the_new_annotation() {
        let next = state().reduce(Action::Tag {
            span: Span::new(15, 17),
            label: Label::Fact,
        });
        assert_eq!(next.annotations.len(), 1);
        assert_eq!(next.selected, next.annotations.iter().next().map(|a| a.id));
    }

    #[test]
    fn a_refused_tag_keeps_the_annotations_and_says_why() {
        let tagged = state().reduce(Action::Tag {
            span: Span::new(15, 17),
            label: Label::Fact,
        });
        let again = tagged.clone().reduce(Action::Tag {
            span: Span::new(15, 17),
            label: Label::Fact,
        });
        assert_eq!(again.annotations, tagged.annotations);
        assert_eq!(
            again.notice.as_ref().map(|n| n.kind),
            Some(NoticeKind::Error)
        );
    }

    #[test]
    fn deleting_clears_the_selection_and_unknown_ids_change_nothing() {
        let tagged = state().reduce(Action::Tag {
            span: Span::new(0, 9),
            label: Label::Quote,
        });
        let id = tagged.selected.unwrap();
        let deleted = tagged.reduce(Action::Delete(id));
        assert!(deleted.annotations.is_empty());
        assert_eq!(deleted.selected, None);
        let same = deleted.clone().reduce(Action::Delete(id));
        assert!(Rc::ptr_eq(&same, &deleted));
        let unknown = deleted.clone().reduce(Action::Select(Some(id)));
        assert!(Rc::ptr_eq(&unknown, &deleted));
    }
}
