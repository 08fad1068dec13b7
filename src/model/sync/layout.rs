//! How the library lies in a team database, so that annotators never conflict in the normal
//! case: a document's text and metadata in `doc:<id>` (written once, keyed by the text's hash),
//! each annotator's annotations in `layer:<id>:<annotator>`, the gold layer in `gold:<id>`.
//! [`team_bodies`] turns a stored document into those bodies; [`rebuild`] turns the replica's
//! winning versions back into a stored document.

use serde_json::{json, Value};

use super::replica::Replica;
use crate::model::library::{
    doc_id, own_layer_name, AnnotatorLayer, DocInfo, DocStatus, GoldLayer, StoreError,
    StoredDocument, STORE_SCHEMA,
};
use crate::model::suggest::Suggestion;
use crate::model::{Annotation, Article, Metadata, Paragraph, SetAside};

/// The `source` of a layer that came from the team database (others come from files).
pub const TEAM_SOURCE: &str = "team database";

/// The `writer` of a library revision that sync wrote because the team changed the user's own
/// layer, the gold layer or the text: an open tab with unsaved work of it has a conflict to
/// resolve, as with another tab's save.
pub const TEAM_WRITER: &str = "team";

/// The `writer` of a library revision in which sync changed only other annotators' layers:
/// an open tab's next save keeps them and its own work, with no conflict.
pub const TEAM_LAYERS_WRITER: &str = "team-layers";

/// What a team document holds, read from its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamDoc<'a> {
    /// `doc:<id>`: text and metadata.
    Text(&'a str),
    /// `layer:<id>:<annotator>`.
    Layer(&'a str, &'a str),
    /// `gold:<id>`.
    Gold(&'a str),
}

impl<'a> TeamDoc<'a> {
    /// Reads a team document id; `None` for ids claimtag does not write.
    pub fn parse(key: &'a str) -> Option<TeamDoc<'a>> {
        if let Some(doc) = key.strip_prefix("doc:") {
            return Some(TeamDoc::Text(doc));
        }
        if let Some(doc) = key.strip_prefix("gold:") {
            return Some(TeamDoc::Gold(doc));
        }
        let rest = key.strip_prefix("layer:")?;
        let (doc, annotator) = rest.split_once(':')?;
        (!annotator.is_empty()).then_some(TeamDoc::Layer(doc, annotator))
    }

    /// The library document it belongs to.
    pub fn doc(self) -> &'a str {
        match self {
            TeamDoc::Text(doc) | TeamDoc::Layer(doc, _) | TeamDoc::Gold(doc) => doc,
        }
    }

    /// Its id in the team database.
    pub fn key(self) -> String {
        match self {
            TeamDoc::Text(doc) => format!("doc:{doc}"),
            TeamDoc::Layer(doc, annotator) => format!("layer:{doc}:{annotator}"),
            TeamDoc::Gold(doc) => format!("gold:{doc}"),
        }
    }
}

/// The team documents a stored document contributes, as `(id, body)`: its text (always; the
/// same text added in two browsers makes the same body, so the same revision), the user's own
/// layer (once it has annotations or a status) and the gold layer (once adjudicated).
pub fn team_bodies(stored: &StoredDocument, annotator: &str) -> Vec<(String, Value)> {
    let doc = stored.info.id.as_str();
    let me = own_layer_name(annotator);
    let mut bodies = vec![(
        TeamDoc::Text(doc).key(),
        json!({
            "type": "doc",
            "text": stored.text,
            "paragraphs": stored.paragraphs,
            "meta": stored.meta,
            "normalization": stored.normalization,
            "set_aside": stored.set_aside,
        }),
    )];
    if !stored.annotations.is_empty() || stored.info.status != DocStatus::ToDo {
        bodies.push((
            TeamDoc::Layer(doc, me).key(),
            json!({
                "type": "layer",
                "doc": doc,
                "annotator": me,
                "status": stored.info.status,
                "annotations": stored.annotations,
            }),
        ));
    }
    if !stored.gold.is_empty() {
        bodies.push((
            TeamDoc::Gold(doc).key(),
            json!({
                "type": "gold",
                "doc": doc,
                "annotations": stored.gold.annotations,
                "rejected": stored.gold.rejected,
            }),
        ));
    }
    bodies
}

/// A layer body's annotations and status.
fn layer_of(body: &Value) -> Result<(Vec<Annotation>, DocStatus), StoreError> {
    let annotations = serde_json::from_value(body.get("annotations").cloned().unwrap_or_default())
        .map_err(|e| StoreError::Unreadable(format!("a team layer: {e}")))?;
    let status =
        serde_json::from_value(body.get("status").cloned().unwrap_or_default()).unwrap_or_default();
    Ok((annotations, status))
}

/// A new library document from a `doc:` body; refused when its text does not hash to `doc`.
fn from_text_body(doc: &str, body: &Value) -> Result<StoredDocument, StoreError> {
    let field = |name: &str| body.get(name).cloned().unwrap_or_default();
    let unreadable =
        |e: serde_json::Error| StoreError::Unreadable(format!("team document {doc}: {e}"));
    let text: String = serde_json::from_value(field("text")).map_err(unreadable)?;
    let paragraphs: Vec<Paragraph> =
        serde_json::from_value(field("paragraphs")).map_err(unreadable)?;
    let meta: Metadata = serde_json::from_value(field("meta")).map_err(unreadable)?;
    let article = Article::from_parts(text.clone(), paragraphs.clone(), meta.clone())
        .map_err(|e| StoreError::Unreadable(format!("team document {doc}: {e}")))?;
    if doc_id(&article) != doc {
        return Err(StoreError::Unreadable(format!(
            "team document {doc}: its text does not match its id"
        )));
    }
    let normalization: Vec<String> =
        serde_json::from_value(field("normalization")).unwrap_or_default();
    let set_aside: Vec<SetAside> = serde_json::from_value(field("set_aside")).unwrap_or_default();
    Ok(StoredDocument {
        schema: STORE_SCHEMA,
        info: DocInfo {
            id: doc.to_string(),
            revision: 0,
            writer: TEAM_WRITER.to_string(),
            ..DocInfo::default()
        },
        text,
        paragraphs,
        meta,
        normalization,
        set_aside,
        original: String::new(),
        annotations: Vec::new(),
        suggestions: Vec::new(),
        rejected: Vec::new(),
        layers: Vec::new(),
        gold: GoldLayer::default(),
    })
}

/// The library document `doc` with the replica's winning team versions in it: the user's own
/// layer as its annotations and status, everyone else's as layers (layers brought in from
/// files stay unless the team has the same annotator's), the gold layer. Starts from `stored`,
/// or from the team's `doc:` body when the library does not hold it; `Ok(None)` when neither
/// exists yet. Every offset is checked against the text before it is returned.
pub fn rebuild(
    stored: Option<StoredDocument>,
    doc: &str,
    replica: &Replica,
    annotator: &str,
) -> Result<Option<StoredDocument>, StoreError> {
    let mut stored = match (stored, replica.body(&TeamDoc::Text(doc).key())) {
        (Some(stored), _) => stored,
        (None, Some(body)) => from_text_body(doc, body)?,
        (None, None) => return Ok(None),
    };
    let me = own_layer_name(annotator);
    let prefix = format!("layer:{doc}:");
    let mut team_layers = Vec::new();
    for (key, entry) in replica.entries.range(prefix.clone()..) {
        let Some(name) = key.strip_prefix(&prefix) else {
            break;
        };
        let Some((_, body)) = entry.winner() else {
            continue;
        };
        let (annotations, status) = layer_of(body)?;
        if name == me {
            stored.annotations = annotations;
            stored.info.status = status;
        } else {
            team_layers.push(AnnotatorLayer {
                annotator: name.to_string(),
                annotations: annotations
                    .into_iter()
                    .map(|a| Annotation {
                        annotator: name.to_string(),
                        ..a
                    })
                    .collect(),
                source: TEAM_SOURCE.to_string(),
                added_at: String::new(),
            });
        }
    }
    stored.layers.retain(|l| {
        l.source != TEAM_SOURCE && !team_layers.iter().any(|t| t.annotator == l.annotator)
    });
    stored.layers.extend(team_layers);
    stored.layers.sort_by(|a, b| a.annotator.cmp(&b.annotator));
    if let Some(body) = replica.body(&TeamDoc::Gold(doc).key()) {
        let field = |name: &str| body.get(name).cloned().unwrap_or_default();
        let annotations: Vec<Annotation> = serde_json::from_value(field("annotations"))
            .map_err(|e| StoreError::Unreadable(format!("the team's gold layer: {e}")))?;
        let rejected: Vec<Suggestion> =
            serde_json::from_value(field("rejected")).unwrap_or_default();
        stored.gold = GoldLayer {
            annotations,
            rejected,
        };
    }
    stored.open()?;
    Ok(Some(stored))
}

/// The library revision to store for `next`, a document rebuilt from the team, over `stored`:
/// `None` when nothing the user sees changed; otherwise the next revision, written by
/// [`TEAM_LAYERS_WRITER`] when only other annotators' layers changed, else by [`TEAM_WRITER`].
pub fn revise(
    stored: Option<&StoredDocument>,
    mut next: StoredDocument,
    now: &str,
) -> Option<StoredDocument> {
    let Some(stored) = stored else {
        next.info.revision = 1;
        next.info.writer = TEAM_WRITER.to_string();
        next.info.added_at = now.to_string();
        next.info.edited_at = now.to_string();
        return Some(next);
    };
    let own_same = stored.annotations == next.annotations
        && stored.info.status == next.info.status
        && stored.gold == next.gold;
    if own_same && stored.layers == next.layers {
        return None;
    }
    next.info.revision = stored.info.revision + 1;
    next.info.writer = match own_same {
        true => TEAM_LAYERS_WRITER,
        false => TEAM_WRITER,
    }
    .to_string();
    next.info.edited_at = now.to_string();
    Some(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AnnotationSet, Label, ParagraphKind, Span};

    fn stored(annotate: bool) -> StoredDocument {
        let article = Article::from_paragraphs(
            [("The mayor said “no” 👍 today.", ParagraphKind::Body)],
            Metadata {
                title: "Tide".to_string(),
                ..Metadata::default()
            },
        );
        let mut set = AnnotationSet::new();
        if annotate {
            set.add(&article, Span::new(15, 19), Label::Quote).unwrap();
        }
        let info = DocInfo {
            id: doc_id(&article),
            added_at: "2026-12-01T00:00:00.000Z".to_string(),
            ..DocInfo::default()
        };
        StoredDocument::new(info, &article, &set)
    }

    #[test]
    fn ids_name_what_they_hold() {
        assert_eq!(TeamDoc::parse("doc:doc-1"), Some(TeamDoc::Text("doc-1")));
        assert_eq!(TeamDoc::parse("gold:doc-1"), Some(TeamDoc::Gold("doc-1")));
        assert_eq!(
            TeamDoc::parse("layer:doc-1:Ana María"),
            Some(TeamDoc::Layer("doc-1", "Ana María"))
        );
        assert_eq!(TeamDoc::parse("layer:doc-1:"), None);
        assert_eq!(TeamDoc::parse("assignment"), None);
        assert_eq!(TeamDoc::Layer("d", "a:b").key(), "layer:d:a:b");
        assert_eq!(TeamDoc::parse("layer:d:a:b").map(TeamDoc::doc), Some("d"));
    }

    #[test]
    fn a_document_travels_through_the_team_and_comes_back_as_a_layer() {
        let mine = stored(true);
        let mut replica = Replica::default();
        let bodies = team_bodies(&mine, "ana");
        assert_eq!(bodies.len(), 2);
        assert_eq!(team_bodies(&stored(false), "ana").len(), 1);
        for (key, body) in bodies {
            replica.edit(&key, body);
        }
        // Bob's browser has nothing: the doc body makes the document, Ana's layer a layer.
        let theirs = rebuild(None, &mine.info.id, &replica, "bob")
            .unwrap()
            .unwrap();
        assert_eq!(theirs.text, mine.text);
        assert!(theirs.annotations.is_empty());
        assert_eq!(theirs.layers.len(), 1);
        assert_eq!(theirs.layers[0].annotator, "ana");
        assert_eq!(theirs.layers[0].source, TEAM_SOURCE);
        // Bob's browser offers the same text body back: no new revision of `doc:`.
        assert_eq!(team_bodies(&theirs, "bob"), team_bodies(&mine, "ana")[..1]);
        let quote = &theirs.layers[0].annotations[0];
        let (article, _) = theirs.open().unwrap();
        assert_eq!(article.slice(quote.span), Some("“no”"));
        // Ana's own browser gets her layer back as her annotations.
        let back = rebuild(Some(stored(false)), &mine.info.id, &replica, "ana")
            .unwrap()
            .unwrap();
        assert_eq!(back.annotations, mine.annotations);
        // Revisions: a new document, a change of others' layers only, one of the own layer.
        let first = revise(None, theirs.clone(), "now").unwrap();
        assert_eq!(
            (first.info.revision, first.info.writer.as_str()),
            (1, TEAM_WRITER)
        );
        assert!(revise(Some(&first), first.clone(), "now").is_none());
        let mut fewer = first.clone();
        fewer.layers.clear();
        let layers_only = revise(Some(&fewer), first.clone(), "later").unwrap();
        assert_eq!(layers_only.info.revision, 2);
        assert_eq!(layers_only.info.writer, TEAM_LAYERS_WRITER);
        let own = revise(Some(&stored(false)), back.clone(), "later").unwrap();
        assert_eq!(own.info.writer, TEAM_WRITER);
        assert!(rebuild(None, "doc-unknown", &replica, "bob")
            .unwrap()
            .is_none());
    }

    #[test]
    fn refuses_a_text_that_does_not_match_its_id_and_spans_outside_the_text() {
        let mine = stored(true);
        let mut replica = Replica::default();
        let (key, mut body) = team_bodies(&mine, "ana").remove(0);
        body["text"] = Value::from("Something else entirely.");
        replica.edit(&key, body);
        assert!(rebuild(None, &mine.info.id, &replica, "bob").is_err());
        let mut replica = Replica::default();
        let (key, mut body) = team_bodies(&mine, "ana").remove(1);
        body["annotations"][0]["span"]["end"] = Value::from(999);
        replica.edit(&key, body);
        assert!(rebuild(Some(stored(false)), &mine.info.id, &replica, "bob").is_err());
    }
}
