//! Reviewing suggestions: running the suggester, and accepting or rejecting what it found.

use std::rc::Rc;

use super::{Document, EditContext, Outcome};
use crate::model::suggest::{suggest, Suggestion};
use crate::model::{Edit, Label};
use crate::state::notice::{count_of, Notice};

impl Document {
    /// Runs the suggester and puts what is new up for review, from the sentence cursor or the
    /// current annotation on.
    pub(super) fn offer_suggestions(self: &Rc<Self>, context: &EditContext) -> (Rc<Self>, Outcome) {
        let found = suggest(&self.article, self.sentences());
        let (next, mut outcome) = self.edit(context, false, |_, set| set.offer(found));
        if Rc::ptr_eq(&next, self) {
            return (next, outcome);
        }
        let selected = context.selected.and_then(|id| self.annotations.get(id));
        let from = context
            .cursor
            .or(selected.map(|a| a.span))
            .map_or(0, |s| s.start);
        let waiting = next.annotations.suggestions();
        let first = waiting.partition_point(|s| s.span.start < from) % waiting.len();
        let mut counts = [0; 3];
        for s in waiting {
            counts[s.label.index()] += 1;
        }
        let by_label: Vec<String> = Label::ALL
            .iter()
            .filter(|l| counts[l.index()] > 0)
            .map(|l| format!("{} {}", counts[l.index()], l.name()))
            .collect();
        let text = format!(
            "{} to review ({}). Y or Enter accepts, N rejects, Tab moves on, Esc stops.",
            count_of(waiting.len(), "suggestion"),
            by_label.join(", ")
        );
        outcome.review = Some(Some(first));
        outcome.select = Some(None);
        outcome.notice = Some(Some(Notice::info(text)));
        (next, outcome)
    }

    /// Accepts (`accept`) or rejects the suggestion under review; the next one comes up.
    pub(super) fn review_current(
        self: &Rc<Self>,
        accept: bool,
        context: &EditContext,
    ) -> (Rc<Self>, Outcome) {
        let current = context
            .review
            .and_then(|at| Some((at, self.annotations.suggestions().get(at)?.clone())));
        let Some((at, current)) = current else {
            return self.refuse("No suggestion to review: press S to suggest.");
        };
        let (next, mut outcome) = self.edit(context, false, |article, set| {
            if accept {
                set.accept(article, vec![current], context.annotator)
            } else {
                let edit = Edit::Reject(vec![current]);
                set.apply(&edit);
                Ok(edit)
            }
        });
        outcome.review = Some(Some(at));
        (next, outcome)
    }

    /// Accepts every waiting suggestion labelled `label` with a confidence of at least
    /// `least` percent.
    pub(super) fn accept_all(
        self: &Rc<Self>,
        label: Label,
        least: u8,
        context: &EditContext,
    ) -> (Rc<Self>, Outcome) {
        let chosen: Vec<Suggestion> = self
            .annotations
            .suggestions()
            .iter()
            .filter(|s| s.label == label && s.confidence >= least)
            .cloned()
            .collect();
        if chosen.is_empty() {
            let at_least = if least > 0 {
                format!(" at {least}% or more")
            } else {
                String::new()
            };
            return self.refuse(format!(
                "No {} suggestions{at_least} are waiting.",
                label.name()
            ));
        }
        let count = chosen.len();
        let (next, mut outcome) = self.edit(context, false, |article, set| {
            set.accept(article, chosen, context.annotator)
        });
        if Rc::ptr_eq(&next, self) {
            return (next, outcome);
        }
        outcome.select = Some(None);
        outcome.review = Some(Some(0));
        outcome.notice = Some(Some(Notice::info(format!(
            "Accepted {} as {}.",
            count_of(count, "suggestion"),
            label.name()
        ))));
        (next, outcome)
    }
}
