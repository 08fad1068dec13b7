//! The browser's text selection, as a code point [`Span`] of the article text.
//!
//! The article view renders every stretch of text as a *run*: an element with class `ct-run`
//! holding exactly one text node, whose `data-cp` attribute is the code point offset of its first
//! character in the article text. A DOM boundary point inside a run's text node maps exactly;
//! any other boundary (an element, text outside the article, a headline) snaps to the nearest run
//! inside the selection. The UTF-16 offsets the DOM hands us are converted here and nowhere else.

use thiserror::Error;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Range};

use crate::model::text_index::{cp_len, utf16_to_cp};
use crate::model::Span;

/// CSS class of a run element.
pub const RUN_CLASS: &str = "ct-run";
/// Attribute holding a run's first code point offset.
pub const RUN_OFFSET_ATTR: &str = "data-cp";

/// Why the selection could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SelectionError {
    /// The browser gave no access to the selection.
    #[error("The browser did not give access to the text selection.")]
    Unavailable,
    /// The article's text is not rendered as expected.
    #[error("The selection could not be mapped onto the article text.")]
    Unmapped,
}

/// The code point span of the current selection inside `root`, or `None` when nothing in the
/// article is selected.
pub fn selected_span(root: &Element) -> Result<Option<Span>, SelectionError> {
    let window = web_sys::window().ok_or(SelectionError::Unavailable)?;
    let selection = window
        .get_selection()
        .map_err(|_| SelectionError::Unavailable)?
        .ok_or(SelectionError::Unavailable)?;
    if selection.range_count() == 0 || selection.is_collapsed() {
        return Ok(None);
    }
    let range = selection
        .get_range_at(0)
        .map_err(|_| SelectionError::Unavailable)?;
    range_to_span(root, &range)
}

/// Empties the browser's selection (after tagging, so the new highlight shows).
pub fn clear_selection() {
    if let Some(Ok(Some(selection))) = web_sys::window().map(|w| w.get_selection()) {
        // Failing to clear leaves the old selection visible; nothing is lost.
        let _ = selection.remove_all_ranges();
    }
}

/// The code point span of `range` inside `root`'s runs, or `None` when it covers no run.
pub fn range_to_span(root: &Element, range: &Range) -> Result<Option<Span>, SelectionError> {
    let runs = root.get_elements_by_class_name(RUN_CLASS);
    let count = runs.length() as usize;
    let run = |i: usize| runs.item(i as u32);
    // Runs are in document order, so "ends before the range" is true for a prefix of them and
    // "starts after the range" for a suffix: binary search both edges.
    let first = partition_point(count, |i| run(i).is_some_and(|r| ends_before(range, &r)));
    let last_excl = partition_point(count, |i| run(i).is_some_and(|r| !starts_after(range, &r)));
    if first >= last_excl {
        return Ok(None);
    }
    let (first_run, last_run) = (
        run(first).ok_or(SelectionError::Unmapped)?,
        run(last_excl - 1).ok_or(SelectionError::Unmapped)?,
    );
    let start = boundary_cp(
        &first_run,
        range.start_container().ok(),
        range.start_offset().ok(),
    )
    .or_else(|| run_start(&first_run))
    .ok_or(SelectionError::Unmapped)?;
    let end = boundary_cp(
        &last_run,
        range.end_container().ok(),
        range.end_offset().ok(),
    )
    .or_else(|| run_end(&last_run))
    .ok_or(SelectionError::Unmapped)?;
    Ok(Some(Span::new(start, end)))
}

/// The exact offset of a boundary point when it lies in `run`'s text node.
fn boundary_cp(run: &Element, container: Option<Node>, utf16: Option<u32>) -> Option<usize> {
    let text = run.first_child()?;
    if container? != text {
        return None;
    }
    let content = text.text_content()?;
    Some(run_start(run)? + utf16_to_cp(&content, utf16? as usize)?)
}

fn run_start(run: &Element) -> Option<usize> {
    run.get_attribute(RUN_OFFSET_ATTR)?.parse().ok()
}

fn run_end(run: &Element) -> Option<usize> {
    Some(run_start(run)? + cp_len(&run.text_content()?))
}

/// True when the end of `run` lies before the start of `range`.
fn ends_before(range: &Range, run: &Element) -> bool {
    let Some(text) = run.first_child() else {
        return true;
    };
    let len = text.unchecked_ref::<web_sys::Text>().length();
    range.compare_point(&text, len).is_ok_and(|order| order < 0)
}

/// True when the start of `run` lies after the end of `range`.
fn starts_after(range: &Range, run: &Element) -> bool {
    let Some(text) = run.first_child() else {
        return false;
    };
    range.compare_point(&text, 0).is_ok_and(|order| order > 0)
}

/// The first index in `0..count` for which `is_before` is false (it must be true for a prefix).
fn partition_point(count: usize, is_before: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (0, count);
    while low < high {
        let mid = low + (high - low) / 2;
        if is_before(mid) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    low
}

/// The code point under the viewport point `(x, y)`, when it is article text.
pub fn caret_cp(x: f32, y: f32) -> Option<usize> {
    let document = gloo::utils::document();
    let caret = document.caret_position_from_point(x, y)?;
    let node = caret.offset_node()?;
    let run = node
        .parent_element()?
        .closest(&format!(".{RUN_CLASS}"))
        .ok()??;
    boundary_cp(&run, Some(node), Some(caret.offset()))
}

/// Where the current selection ends on screen (`left` of its first line box, `bottom` of its
/// last), in viewport pixels — when it is a non-empty selection inside `root`.
pub fn selection_rect(root: &Element) -> Option<(f64, f64)> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.range_count() == 0 || selection.is_collapsed() {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let inside = range.common_ancestor_container().ok()?;
    if !root.contains(Some(&inside)) {
        return None;
    }
    let rects = range.get_client_rects()?;
    let first = rects.get(0)?;
    let last = rects.get(rects.length().checked_sub(1)?)?;
    Some((first.left(), last.bottom()))
}
