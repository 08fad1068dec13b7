//! Placing annotations read from another tool's file: each one where it anchors, the rest kept
//! as orphans for the user to place at a selection or drop.

use std::rc::Rc;

use super::{Document, EditContext, Outcome};
use crate::model::format::anchor::{anchor, counted_in_utf16, Candidate, Orphan};
use crate::model::{Annotation, Edit, Origin, Span};
use crate::state::changed;
use crate::state::notice::{count_of, Notice};

impl Document {
    /// Places imported annotations and says how many went where.
    pub(super) fn import(
        self: &Rc<Self>,
        candidates: Vec<Candidate>,
        context: &EditContext,
    ) -> (Rc<Self>, Outcome) {
        let units: Vec<bool> = candidates
            .iter()
            .filter_map(|c| counted_in_utf16(&self.article, c))
            .collect();
        let next = self.place(candidates, context);
        let added = next.annotations.len() - self.annotations.len();
        let orphaned = next.orphans.len() - self.orphans.len();
        // A W3C file whose positions count UTF-16 units (placed by their quotes) is named.
        let unit = match (units.iter().any(|u| *u), units.iter().any(|u| !*u)) {
            (true, false) => {
                " Its positions count UTF-16 units (as Recogito and Hypothesis write them)."
            }
            (true, true) => {
                " Its positions count UTF-16 units for some annotations and code points for others."
            }
            (false, _) => "",
        };
        let text = if orphaned == 0 {
            format!("Imported {}.", count_of(added, "annotation"))
        } else {
            format!(
                "Imported {}; {} could not be placed and {} listed under “Not placed” to place or drop.",
                count_of(added, "annotation"),
                orphaned,
                if orphaned == 1 { "is" } else { "are" }
            )
        };
        let outcome = Outcome {
            close_dialog: true,
            ..Outcome::notice(Notice::info(format!("{text}{unit}")))
        };
        (next, outcome)
    }

    /// Adds each candidate where it anchors (one undo step each); the rest become orphans.
    fn place(self: &Rc<Self>, candidates: Vec<Candidate>, context: &EditContext) -> Rc<Self> {
        let mut annotations = (*self.annotations).clone();
        let mut history = (*self.history).clone();
        let mut orphans = (*self.orphans).clone();
        let now = context.now;
        for candidate in candidates {
            let placed = anchor(&self.article, &candidate).and_then(|span| {
                let added = annotations
                    .add_by(&self.article, span, candidate.label, context.annotator)
                    .map_err(|e| e.to_string())?;
                let full = Annotation {
                    speaker: candidate.speaker.clone(),
                    note: candidate.note.clone(),
                    origin: Origin::Imported,
                    created: now.to_string(),
                    modified: now.to_string(),
                    ..added
                };
                annotations.apply(&Edit::Add(full.clone()));
                Ok(full)
            });
            match placed {
                Ok(full) => history.record(Edit::Add(full), false),
                Err(reason) => orphans.push(Orphan { candidate, reason }),
            }
        }
        changed(self, |d| {
            d.annotations = Rc::new(annotations);
            d.history = Rc::new(history);
            d.orphans = Rc::new(orphans);
        })
    }

    /// Places orphan `index` at `span` (one undo step).
    pub(super) fn place_orphan(
        self: &Rc<Self>,
        index: usize,
        span: Span,
        context: &EditContext,
    ) -> (Rc<Self>, Outcome) {
        let Some(orphan) = self.orphans.get(index).cloned() else {
            return (self.clone(), Outcome::default());
        };
        let (placed, outcome) = self.edit(context, false, |article, set| {
            let added = set.add_by(article, span, orphan.candidate.label, context.annotator)?;
            let full = Annotation {
                speaker: orphan.candidate.speaker.clone(),
                note: orphan.candidate.note.clone(),
                origin: Origin::Imported,
                ..added
            };
            set.apply(&Edit::Add(full.clone()));
            Ok(Edit::Add(full))
        });
        if Rc::ptr_eq(&placed, self) {
            return (placed, outcome);
        }
        (placed.without_orphan(index), outcome)
    }

    /// Drops orphan `index`.
    pub(super) fn drop_orphan(self: &Rc<Self>, index: usize) -> (Rc<Self>, Outcome) {
        if index < self.orphans.len() {
            (self.without_orphan(index), Outcome::default())
        } else {
            (self.clone(), Outcome::default())
        }
    }

    /// This document without orphan `index` (which exists).
    fn without_orphan(self: &Rc<Self>, index: usize) -> Rc<Self> {
        changed(self, |d| {
            let mut orphans = (*d.orphans).clone();
            orphans.remove(index);
            d.orphans = Rc::new(orphans);
        })
    }
}
