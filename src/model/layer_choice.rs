//! Which annotations of a document an export writes: the user's own, the gold layer made in
//! adjudication, one other annotator's layer, or every annotator's layer together.

use std::cmp::Reverse;

use crate::model::library::{AnnotatorLayer, GoldLayer, StoreError, StoredDocument};
use crate::model::{Annotation, AnnotationId, AnnotationSet, Article};

/// A layer of a document to export.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LayerChoice {
    /// The user's own annotations.
    Mine,
    /// The gold annotations made in adjudication.
    Gold,
    /// The layer of the annotator of this name.
    Annotator(String),
    /// The user's own layer and every other annotator's layer (not the gold layer), each
    /// annotation carrying its layer's name as `annotator`.
    All,
}

impl LayerChoice {
    /// The words shown to the user: "My annotations", "Gold (adjudicated)", "ana's layer",
    /// "All layers".
    pub fn name(&self) -> String {
        match self {
            LayerChoice::Mine => "My annotations".to_string(),
            LayerChoice::Gold => "Gold (adjudicated)".to_string(),
            LayerChoice::Annotator(name) => format!("{name}'s layer"),
            LayerChoice::All => "All layers".to_string(),
        }
    }
}

/// What a document with these layers offers, in menu order: its own annotations always; the
/// gold layer when it has gold annotations; each other annotator's layer; all layers together
/// when there is at least one other layer.
pub fn choices(layers: &[AnnotatorLayer], gold: &GoldLayer) -> Vec<LayerChoice> {
    let mut out = vec![LayerChoice::Mine];
    if !gold.annotations.is_empty() {
        out.push(LayerChoice::Gold);
    }
    out.extend(
        layers
            .iter()
            .map(|l| LayerChoice::Annotator(l.annotator.clone())),
    );
    if !layers.is_empty() {
        out.push(LayerChoice::All);
    }
    out
}

/// The annotations of `choice` as a set to export.
///
/// `Mine` is `own` as it is; `Gold` the gold annotations (with `adjudicated_from`);
/// `Annotator(name)` that layer (empty when the document has none of that name); `All` the
/// own annotations (each with `annotator` set to `own_name`) followed by every other layer
/// (each annotation with its layer's name), in document order, renumbered `a1`, `a2`, ...
///
/// Read back with [`crate::model::layer_files::read_layer_file`], an `All` export gives the
/// same layers again, provided `own_name` is not empty and no other layer has that name.
pub fn layer_set(
    own: &AnnotationSet,
    own_name: &str,
    layers: &[AnnotatorLayer],
    gold: &GoldLayer,
    choice: &LayerChoice,
) -> AnnotationSet {
    match choice {
        LayerChoice::Mine => own.clone(),
        LayerChoice::Gold => AnnotationSet::from_annotations(gold.annotations.clone()),
        LayerChoice::Annotator(name) => AnnotationSet::from_annotations(
            layers
                .iter()
                .find(|l| &l.annotator == name)
                .map(|l| l.annotations.clone())
                .unwrap_or_default(),
        ),
        LayerChoice::All => {
            let mine = own.iter().map(|a| (own_name, a));
            let others = layers
                .iter()
                .flat_map(|l| l.annotations.iter().map(|a| (l.annotator.as_str(), a)));
            let tagged = mine.chain(others).map(|(name, a)| Annotation {
                annotator: name.to_string(),
                ..a.clone()
            });
            AnnotationSet::from_annotations(in_document_order(tagged.collect()))
        }
    }
}

/// `annotations` sorted in document order (by start, longest first; ties keep their order)
/// and renumbered `a1`, `a2`, ...
pub fn in_document_order(mut annotations: Vec<Annotation>) -> Vec<Annotation> {
    annotations.sort_by_key(|a| (a.span.start, Reverse(a.span.end)));
    for (n, a) in annotations.iter_mut().enumerate() {
        a.id = AnnotationId(u32::try_from(n + 1).unwrap_or(u32::MAX));
    }
    annotations
}

impl StoredDocument {
    /// What this document offers to export (see [`choices`]).
    pub fn layer_choices(&self) -> Vec<LayerChoice> {
        choices(&self.layers, &self.gold)
    }

    /// The article and the annotations of `choice` (see [`layer_set`]), every offset checked
    /// as [`StoredDocument::open`] checks them; `own_name` names the user's own layer in `All`.
    pub fn open_layer(
        &self,
        own_name: &str,
        choice: &LayerChoice,
    ) -> Result<(Article, AnnotationSet), StoreError> {
        let (article, own) = self.open()?;
        let set = layer_set(&own, own_name, &self.layers, &self.gold, choice);
        Ok((article, set))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Label, Span};

    fn mark(id: u32, start: usize, end: usize, label: Label, by: &str) -> Annotation {
        Annotation {
            annotator: by.to_string(),
            ..Annotation::new(AnnotationId(id), label, Span::new(start, end))
        }
    }

    fn layer(name: &str, annotations: Vec<Annotation>) -> AnnotatorLayer {
        AnnotatorLayer {
            annotator: name.to_string(),
            annotations,
            ..AnnotatorLayer::default()
        }
    }

    #[test]
    fn choices_follow_what_the_document_has() {
        let gold = GoldLayer::default();
        assert_eq!(choices(&[], &gold), [LayerChoice::Mine]);
        let ana = layer("ana", vec![mark(1, 0, 4, Label::Fact, "ana")]);
        let gold = GoldLayer {
            annotations: vec![mark(1, 0, 4, Label::Fact, "")],
            ..GoldLayer::default()
        };
        let offered = choices(&[ana], &gold);
        assert_eq!(
            offered,
            [
                LayerChoice::Mine,
                LayerChoice::Gold,
                LayerChoice::Annotator("ana".to_string()),
                LayerChoice::All
            ]
        );
        let names: Vec<String> = offered.iter().map(LayerChoice::name).collect();
        assert_eq!(
            names,
            [
                "My annotations",
                "Gold (adjudicated)",
                "ana's layer",
                "All layers"
            ]
        );
    }

    #[test]
    fn all_layers_are_tagged_ordered_and_renumbered_and_leave_gold_out() {
        let own = AnnotationSet::from_annotations(vec![
            mark(1, 5, 9, Label::Quote, ""),
            mark(2, 0, 4, Label::Fact, "old name"),
        ]);
        let layers = [
            layer("ana", vec![mark(1, 0, 4, Label::Fact, "ana")]),
            layer("bo", vec![mark(1, 0, 9, Label::Allegation, "bo")]),
        ];
        let gold = GoldLayer {
            annotations: vec![mark(7, 2, 3, Label::Fact, "")],
            ..GoldLayer::default()
        };
        let all = layer_set(&own, "me", &layers, &gold, &LayerChoice::All);
        let got: Vec<(String, usize, usize, &str)> = all
            .iter()
            .map(|a| {
                (
                    a.id.to_string(),
                    a.span.start,
                    a.span.end,
                    a.annotator.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("a1".to_string(), 0, 9, "bo"),
                ("a2".to_string(), 0, 4, "me"),
                ("a3".to_string(), 0, 4, "ana"),
                ("a4".to_string(), 5, 9, "me"),
            ]
        );
        let only = layer_set(&own, "me", &layers, &gold, &LayerChoice::Gold);
        assert_eq!(only.as_slice(), gold.annotations.as_slice());
        let ana = LayerChoice::Annotator("ana".to_string());
        assert_eq!(
            layer_set(&own, "me", &layers, &gold, &ana).as_slice(),
            layers[0].annotations.as_slice()
        );
        let nobody = LayerChoice::Annotator("cy".to_string());
        assert!(layer_set(&own, "me", &layers, &gold, &nobody).is_empty());
        assert_eq!(
            layer_set(&own, "me", &layers, &gold, &LayerChoice::Mine),
            own
        );
    }
}
