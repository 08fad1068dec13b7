//! Layers and adjudication of the open document.
//!
//! A document holds the user's own layer, other annotators' layers (read-only here) and a
//! gold layer. One of own and gold is edited at a time: entering Adjudicate mode parks the own
//! layer with its undo history and makes the gold layer the edited one, so every edit command
//! (relabel, boundaries, speaker, delete, undo) works on gold while adjudicating. The
//! candidates to adjudicate are every layer's spans clustered by overlap
//! ([`crate::model::adjudication::items`]), computed once on entering the mode.

use std::rc::Rc;

use super::{Document, EditContext, Outcome};
use crate::model::adjudication::{self, items, resolution, Item, Resolution};
use crate::model::library::{own_layer_name, AnnotatorLayer, GoldLayer};
use crate::model::{Annotation, AnnotationSet, Edit, History};
use crate::state::changed;
use crate::state::notice::{count_of, Notice};

/// Which layer is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// The user's own layer.
    #[default]
    Annotate,
    /// The gold layer, from the candidates of every layer.
    Adjudicate,
}

/// The layer not being edited, with its undo history.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parked {
    /// Its annotations.
    pub annotations: Rc<AnnotationSet>,
    /// Its undo and redo.
    pub history: Rc<History>,
}

/// The gold layer as an annotation set: its annotations, and its rejected candidates kept as
/// rejected suggestions.
pub fn gold_set(gold: GoldLayer) -> AnnotationSet {
    let mut set = AnnotationSet::from_annotations(gold.annotations);
    set.apply(&Edit::Reject(gold.rejected));
    set
}

/// "14 of 52 disagreements resolved".
pub fn progress_text(p: &adjudication::Progress) -> String {
    format!(
        "{} of {} resolved",
        p.resolved,
        count_of(p.disagreements, "disagreement")
    )
}

impl Document {
    /// The user's own layer.
    pub fn own(&self) -> &Rc<AnnotationSet> {
        match self.mode {
            Mode::Annotate => &self.annotations,
            Mode::Adjudicate => &self.parked.annotations,
        }
    }

    /// The gold layer.
    pub fn gold(&self) -> &Rc<AnnotationSet> {
        match self.mode {
            Mode::Annotate => &self.parked.annotations,
            Mode::Adjudicate => &self.annotations,
        }
    }

    /// The gold layer as stored.
    pub fn gold_layer(&self) -> GoldLayer {
        let gold = self.gold();
        GoldLayer {
            annotations: gold.as_slice().to_vec(),
            rejected: gold.rejected().to_vec(),
        }
    }

    /// This document with `layers` from other annotators and its stored `gold` layer.
    pub fn with_layers(mut self, layers: Vec<AnnotatorLayer>, gold: GoldLayer) -> Self {
        self.layers = Rc::new(layers);
        self.parked = Rc::new(Parked {
            annotations: Rc::new(gold_set(gold)),
            history: Rc::new(History::default()),
        });
        self
    }

    /// Every layer taking part in adjudication, named: the own layer (called `annotator`, or
    /// "me") when it has annotations, then the other annotators' layers.
    pub fn named_layers<'a>(&'a self, annotator: &'a str) -> Vec<(&'a str, &'a [Annotation])> {
        let own = self.own();
        let mut named: Vec<(&str, &[Annotation])> = Vec::new();
        if !own.is_empty() {
            named.push((own_layer_name(annotator), own.as_slice()));
        }
        for layer in self.layers.iter() {
            named.push((layer.annotator.as_str(), layer.annotations.as_slice()));
        }
        named
    }

    /// How far adjudication is.
    pub fn progress(&self) -> adjudication::Progress {
        adjudication::progress(&self.items, self.gold())
    }

    /// The first open candidate at or after `from` (wrapping), disagreements before unanimous
    /// ones only in document order.
    pub fn next_open(&self, from: usize) -> Option<usize> {
        let n = self.items.len();
        (0..n)
            .map(|step| (from + step) % n)
            .find(|&i| resolution(&self.items[i], self.gold()) == Resolution::Open)
    }

    /// Enters (`on`) or leaves Adjudicate mode.
    pub(super) fn adjudicate(
        self: &Rc<Self>,
        on: bool,
        context: &EditContext,
    ) -> (Rc<Self>, Outcome) {
        let target = if on { Mode::Adjudicate } else { Mode::Annotate };
        if self.mode == target {
            return (self.clone(), Outcome::default());
        }
        let layers = self.named_layers(context.annotator).len();
        if on && layers < 2 {
            return self.refuse(
                "Adjudication needs two or more layers: bring in other annotators' files \
                 (Library → Add annotators' files) first.",
            );
        }
        let next = changed(self, |d| {
            let parked = Parked {
                annotations: d.annotations.clone(),
                history: d.history.clone(),
            };
            d.annotations = d.parked.annotations.clone();
            d.history = d.parked.history.clone();
            d.parked = Rc::new(parked);
            d.mode = target;
            d.items = Rc::new(Vec::new());
        });
        let next = if on {
            let found = items(&next.named_layers(context.annotator));
            changed(&next, |d| d.items = Rc::new(found))
        } else {
            next
        };
        let notice = if on {
            let progress = next.progress();
            Notice::info(format!(
                "Adjudicating {} layers: {} ({} unanimous), {} of {} resolved. Y accepts, \
                 N rejects, 1–9 take that annotator's version, U accepts all unanimous, Tab \
                 moves on.",
                layers,
                count_of(next.items.len(), "candidate"),
                progress.unanimous,
                progress.resolved,
                count_of(progress.disagreements, "disagreement"),
            ))
        } else {
            Notice::info("Back to your own annotations. The gold layer is kept.")
        };
        let outcome = Outcome {
            select: Some(None),
            stop_editing: true,
            item: Some(if on { next.next_open(0) } else { None }),
            ..Outcome::notice(notice)
        };
        (next, outcome)
    }

    /// The candidate at `item`, or why there is none.
    fn item(&self, item: usize) -> Result<&Item, &'static str> {
        if self.mode != Mode::Adjudicate {
            return Err("Press Adjudicate first.");
        }
        self.items
            .get(item)
            .ok_or("No candidate there: press Tab to go to the next one.")
    }

    /// Puts `version` of candidate `item` (or its best) into the gold layer.
    pub(super) fn accept_item(
        self: &Rc<Self>,
        item: usize,
        version: Option<usize>,
        context: &EditContext,
    ) -> (Rc<Self>, Outcome) {
        let candidate = match self.item(item) {
            Ok(candidate) => candidate.clone(),
            Err(why) => return self.refuse(why),
        };
        let version = version.unwrap_or_else(|| candidate.best());
        if version >= candidate.versions.len() {
            return self.refuse("That annotator has no version of this candidate.");
        }
        let (next, outcome) = self.edit(context, false, |article, set| {
            let edit = adjudication::accept(set, article, &candidate, version, context.annotator)?;
            set.apply(&edit);
            Ok(edit)
        });
        next.moved_on(item, outcome)
    }

    /// Keeps candidate `item` out of the gold layer.
    pub(super) fn reject_item(
        self: &Rc<Self>,
        item: usize,
        context: &EditContext,
    ) -> (Rc<Self>, Outcome) {
        let candidate = match self.item(item) {
            Ok(candidate) => candidate.clone(),
            Err(why) => return self.refuse(why),
        };
        if resolution(&candidate, self.gold()) == Resolution::Rejected {
            return self.refuse("This candidate is rejected already.");
        }
        let (next, mut outcome) = self.edit(context, false, |_, set| {
            let edit = adjudication::reject(set, &candidate);
            set.apply(&edit);
            Ok(edit)
        });
        outcome.select = Some(None);
        next.moved_on(item, outcome)
    }

    /// Accepts every open unanimous candidate at once.
    pub(super) fn accept_unanimous(self: &Rc<Self>, context: &EditContext) -> (Rc<Self>, Outcome) {
        if self.mode != Mode::Adjudicate {
            return self.refuse("Press Adjudicate first.");
        }
        let open = self.progress().unanimous_open;
        let items = self.items.clone();
        let (next, mut outcome) = self.edit(context, false, |article, set| {
            let edit = adjudication::accept_unanimous(set, article, &items, context.annotator)?
                .ok_or(crate::model::EditError::Empty)?;
            set.apply(&edit);
            Ok(edit)
        });
        if Rc::ptr_eq(&next, self) {
            return self.refuse("No unanimous candidate is left to accept.");
        }
        outcome.select = Some(None);
        outcome.announce = Some(format!(
            "Accepted {} unanimous",
            count_of(open, "candidate")
        ));
        outcome.notice = Some(Some(Notice::info(format!(
            "Accepted {} all annotators agree on. {}",
            count_of(open, "candidate"),
            next.progress_text()
        ))));
        outcome.item = Some(next.next_open(0));
        (next, outcome)
    }

    /// "14 of 52 disagreements resolved".
    pub fn progress_text(&self) -> String {
        progress_text(&self.progress())
    }

    /// After a decision on `item`: the outcome moves on to the next open candidate.
    fn moved_on(self: Rc<Self>, item: usize, mut outcome: Outcome) -> (Rc<Self>, Outcome) {
        if outcome.notice.as_ref().is_some_and(|n| n.is_some()) {
            return (self, outcome);
        }
        outcome.item = Some(self.next_open(item + 1).or(Some(item)));
        (self, outcome)
    }

    /// Replaces the other annotators' layers (brought in while this document was open).
    pub(super) fn set_layers(
        self: &Rc<Self>,
        layers: Vec<AnnotatorLayer>,
        context: &EditContext,
    ) -> (Rc<Self>, Outcome) {
        if *self.layers == layers {
            return (self.clone(), Outcome::default());
        }
        let next = changed(self, |d| d.layers = Rc::new(layers));
        if next.mode != Mode::Adjudicate {
            return (next, Outcome::default());
        }
        let found = items(&next.named_layers(context.annotator));
        let next = changed(&next, |d| d.items = Rc::new(found));
        (next, Outcome::default())
    }
}
