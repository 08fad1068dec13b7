//! Replacing the open document: a newly loaded one, one from the library, or the same one with
//! a set-aside line put back (which moves offsets, so it starts afresh too).

use std::rc::Rc;

use super::{Document, Opened, Outcome};
use crate::model::ingest::load::Loaded;
use crate::model::library::{AnnotatorLayer, DocInfo, GoldLayer};
use crate::model::AnnotationSet;
use crate::state::notice::{count_of, Notice};

impl Document {
    /// Opens a newly loaded document and says what it holds.
    pub(super) fn load(loaded: Loaded) -> (Rc<Self>, Outcome) {
        let Loaded {
            article,
            annotations,
            remark,
            ..
        } = loaded;
        let title = article.meta.title.clone();
        let next = Document::new(article, annotations);
        let opened = format!(
            "Opened “{title}”: {}, {}.",
            count_of(next.article.paragraphs().len(), "paragraph"),
            count_of(next.annotations.len(), "annotation")
        );
        let notice = Notice::info(match remark {
            Some(remark) => format!("{opened} {remark}"),
            None => opened,
        });
        let outcome = Outcome {
            opened: Some(Opened::New),
            ..Outcome::notice(notice)
        };
        (Rc::new(next), outcome)
    }

    /// Opens a document from the library, with its bookkeeping `info`.
    pub(super) fn open_stored(loaded: Loaded, info: DocInfo) -> (Rc<Self>, Outcome) {
        let Loaded {
            article,
            annotations,
            remark,
            layers,
            gold,
            ..
        } = loaded;
        let outcome = Outcome {
            notice: Some(remark.map(Notice::info)),
            opened: Some(Opened::Stored(info)),
            ..Outcome::default()
        };
        let document = Document::new(article, annotations).with_layers(layers, gold);
        (Rc::new(document), outcome)
    }

    /// Puts set-aside line `which` back; annotations after it move with the text.
    pub(super) fn restore(self: &Rc<Self>, which: usize) -> (Rc<Self>, Outcome) {
        let Some((article, at, grown)) = self.article.restore(which) else {
            return (self.clone(), Outcome::default());
        };
        let shifted = |set: &AnnotationSet| {
            let mut set = set.clone();
            set.shift(at, grown);
            set
        };
        let annotations = shifted(self.own());
        let gold = shifted(self.gold());
        let layers = self
            .layers
            .iter()
            .map(|layer| AnnotatorLayer {
                annotations: shifted(&AnnotationSet::from_annotations(layer.annotations.clone()))
                    .as_slice()
                    .to_vec(),
                ..layer.clone()
            })
            .collect();
        let gold = GoldLayer {
            annotations: gold.as_slice().to_vec(),
            rejected: gold.rejected().to_vec(),
        };
        let had_history = self.history.can_undo() || self.history.can_redo();
        let outcome = Outcome {
            notice: Some(had_history.then(|| {
                Notice::info(
                    "The line is back in the text. Undo history was cleared, since offsets moved.",
                )
            })),
            opened: Some(Opened::Restored),
            ..Outcome::default()
        };
        let document = Document::new(article, annotations).with_layers(layers, gold);
        (Rc::new(document), outcome)
    }
}
