//! The keyboard map: which command a key press stands for. Pure, so every shortcut is tested
//! natively, and the shortcuts panel is generated from the same table.

use crate::model::Label;

/// A key press as the browser reports it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KeyPress {
    /// `KeyboardEvent.key`: `"f"`, `"F"`, `"ArrowDown"`, `"?"`, ...
    pub key: String,
    /// Control (or Command on macOS) held.
    pub ctrl: bool,
    /// Shift held.
    pub shift: bool,
    /// Alt held.
    pub alt: bool,
}

/// Which end of an annotation a boundary command moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Boundary {
    /// The start.
    Start,
    /// The end.
    End,
}

/// What a key press asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Tag the selection or the current sentence, or relabel the current annotation.
    Apply(Label),
    /// Delete the current annotation.
    Delete,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Move the sentence cursor forward (`1`) or back (`-1`).
    MoveCursor(isize),
    /// Put the sentence cursor on the sentence of the text selection.
    SentenceAtSelection,
    /// Open the attribute editor of the current annotation.
    OpenEditor,
    /// Close what is open, or clear the current annotation.
    Escape,
    /// Show the shortcuts panel.
    ShowShortcuts,
    /// Move a boundary of the current annotation by a word or (`by_word == false`) a character.
    MoveBoundary {
        /// Which end.
        boundary: Boundary,
        /// Right (true) or left.
        forward: bool,
        /// A word or a character.
        by_word: bool,
    },
    /// Go to the next (`1`) or previous (`-1`) annotation in the list.
    StepAnnotation(isize),
    /// Run the suggester.
    Suggest,
    /// Accept the current suggestion.
    AcceptSuggestion,
    /// Reject the current suggestion.
    RejectSuggestion,
    /// Go to the next (`1`) or previous (`-1`) suggestion.
    StepSuggestion(isize),
    /// Open the next document of the queue that is not done.
    NextToDo,
    /// Mark the open document done, then open the next one to do.
    DoneAndNext,
    /// Open the document before this one in the queue.
    PreviousInQueue,
    /// While adjudicating: put the candidate's best version into the gold layer.
    AcceptItem,
    /// While adjudicating: take annotator N's version (0-based) of the candidate.
    TakeVersion(usize),
    /// While adjudicating: keep the candidate out of the gold layer.
    RejectItem,
    /// While adjudicating: go to the next (`1`) or previous (`-1`) disagreement.
    StepItem(isize),
    /// While adjudicating: accept every candidate all annotators agree on.
    AcceptUnanimous,
}

/// What the keys act on besides the annotations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyMode {
    /// Annotating, nothing under review.
    Annotating,
    /// A suggestion is under review.
    Reviewing,
    /// Adjudicating, with a candidate looked at (`true`) or none.
    Adjudicating(bool),
}

/// One row of the shortcuts panel: the keys and what they do.
pub const SHORTCUTS: [(&str, &str); 28] = [
    (
        "F / 1",
        "Mark the selection or current sentence as Fact (or relabel the current annotation)",
    ),
    ("A / 2", "… as Allegation"),
    ("Q / 3", "… as Quote"),
    ("J / ↓", "Next sentence"),
    ("K / ↑", "Previous sentence"),
    (
        "W",
        "Put the sentence cursor on the sentence of the selection",
    ),
    (
        "Alt+click",
        "Put the sentence cursor on the sentence under the pointer",
    ),
    ("N / P", "Next / previous annotation"),
    (
        "Enter",
        "Edit the current annotation's speaker, cue and note",
    ),
    ("Delete / Backspace", "Delete the current annotation"),
    (
        "[ / ]",
        "Move the start of the current annotation one word left / right ({ / } by a character)",
    ),
    (
        ", / .",
        "Move the end one word left / right (< / > by a character)",
    ),
    ("Ctrl+Z", "Undo"),
    ("Ctrl+Shift+Z / Ctrl+Y", "Redo"),
    (
        "Esc",
        "Close what is open, or clear the current annotation and sentence cursor",
    ),
    ("?", "Show these shortcuts"),
    (
        "S",
        "Suggest quotes, allegations and facts (dashed outlines) to review",
    ),
    (
        "Y / Enter",
        "While reviewing: accept the current suggestion",
    ),
    (
        "N / Backspace",
        "While reviewing: reject the current suggestion (it will not come back)",
    ),
    (
        "Tab / Shift+Tab",
        "While reviewing: next / previous suggestion (Esc stops reviewing)",
    ),
    (
        "Alt+→",
        "Next to do: the next document of the queue (the library's filter and order) not done",
    ),
    ("Alt+←", "Previous document of the queue"),
    (
        "Alt+Shift+→",
        "Mark this document done and open the next to do",
    ),
    (
        "Y / Enter",
        "While adjudicating: accept the candidate (the version most annotators had) into gold",
    ),
    (
        "1 – 9",
        "While adjudicating: take that annotator's version (boundaries, label, speaker)",
    ),
    (
        "N / Backspace",
        "While adjudicating: reject the candidate (keep it out of gold)",
    ),
    (
        "Tab / Shift+Tab",
        "While adjudicating: next / previous disagreement",
    ),
    ("U", "While adjudicating: accept all unanimous candidates"),
];

/// The command for `press`, if it is one of claimtag's shortcuts. While `reviewing` (a
/// suggestion is current), Y, Enter, N, Backspace, Delete and Tab act on suggestions.
pub fn command_for(press: &KeyPress, mode: KeyMode) -> Option<Command> {
    let key = press.key.as_str();
    if press.ctrl {
        return match key.to_ascii_lowercase().as_str() {
            "z" if press.shift => Some(Command::Redo),
            "z" => Some(Command::Undo),
            "y" => Some(Command::Redo),
            _ => None,
        };
    }
    if press.alt {
        return match key {
            "ArrowRight" if press.shift => Some(Command::DoneAndNext),
            "ArrowRight" => Some(Command::NextToDo),
            "ArrowLeft" if !press.shift => Some(Command::PreviousInQueue),
            _ => None,
        };
    }
    if let KeyMode::Adjudicating(looking) = mode {
        let adjudicate = match key {
            "y" | "Y" | "Enter" if looking => Some(Command::AcceptItem),
            "n" | "N" | "Backspace" | "Delete" if looking => Some(Command::RejectItem),
            "Tab" if press.shift => Some(Command::StepItem(-1)),
            "Tab" => Some(Command::StepItem(1)),
            "u" | "U" => Some(Command::AcceptUnanimous),
            digit if looking && digit.len() == 1 => digit
                .chars()
                .next()
                .and_then(|c| c.to_digit(10))
                .filter(|&d| d >= 1)
                .map(|d| Command::TakeVersion(d as usize - 1)),
            _ => None,
        };
        if adjudicate.is_some() {
            return adjudicate;
        }
    }
    if mode == KeyMode::Reviewing {
        let review = match press.key.as_str() {
            "y" | "Y" | "Enter" => Some(Command::AcceptSuggestion),
            "n" | "N" | "Backspace" | "Delete" => Some(Command::RejectSuggestion),
            "Tab" if press.shift => Some(Command::StepSuggestion(-1)),
            "Tab" => Some(Command::StepSuggestion(1)),
            _ => None,
        };
        if review.is_some() {
            return review;
        }
    }
    let boundary = |boundary, forward, by_word| Command::MoveBoundary {
        boundary,
        forward,
        by_word,
    };
    Some(match key {
        "j" | "J" | "ArrowDown" => Command::MoveCursor(1),
        "k" | "K" | "ArrowUp" => Command::MoveCursor(-1),
        "w" | "W" => Command::SentenceAtSelection,
        "s" | "S" => Command::Suggest,
        "n" | "N" => Command::StepAnnotation(1),
        "p" | "P" => Command::StepAnnotation(-1),
        "Enter" => Command::OpenEditor,
        "Escape" => Command::Escape,
        "Delete" | "Backspace" => Command::Delete,
        "?" => Command::ShowShortcuts,
        "[" => boundary(Boundary::Start, false, true),
        "]" => boundary(Boundary::Start, true, true),
        "{" => boundary(Boundary::Start, false, false),
        "}" => boundary(Boundary::Start, true, false),
        "," => boundary(Boundary::End, false, true),
        "." => boundary(Boundary::End, true, true),
        "<" => boundary(Boundary::End, false, false),
        ">" => boundary(Boundary::End, true, false),
        _ => Command::Apply(Label::from_key(key)?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(key: &str) -> KeyPress {
        KeyPress {
            key: key.to_string(),
            ..KeyPress::default()
        }
    }

    fn command_for_plain(press: &KeyPress) -> Option<Command> {
        command_for(press, KeyMode::Annotating)
    }

    #[test]
    fn adjudication_keys_act_on_the_candidate_looked_at() {
        let looking = KeyMode::Adjudicating(true);
        assert_eq!(command_for(&press("y"), looking), Some(Command::AcceptItem));
        assert_eq!(command_for(&press("n"), looking), Some(Command::RejectItem));
        assert_eq!(
            command_for(&press("2"), looking),
            Some(Command::TakeVersion(1))
        );
        assert_eq!(
            command_for(&press("U"), looking),
            Some(Command::AcceptUnanimous)
        );
        assert_eq!(
            command_for(&press("Tab"), looking),
            Some(Command::StepItem(1))
        );
        let none = KeyMode::Adjudicating(false);
        assert_eq!(command_for(&press("Tab"), none), Some(Command::StepItem(1)));
        assert_eq!(
            command_for(&press("2"), none),
            Some(Command::Apply(Label::Allegation))
        );
        assert_eq!(
            command_for(&press("n"), none),
            Some(Command::StepAnnotation(1))
        );
        assert_eq!(
            command_for(&press("0"), looking),
            None.or(Label::from_key("0").map(Command::Apply))
        );
    }

    #[test]
    fn review_keys_act_on_suggestions_only_while_reviewing() {
        assert_eq!(
            command_for(&press("s"), KeyMode::Annotating),
            Some(Command::Suggest)
        );
        assert_eq!(command_for(&press("y"), KeyMode::Annotating), None);
        assert_eq!(command_for(&press("Tab"), KeyMode::Annotating), None);
        assert_eq!(
            command_for(&press("n"), KeyMode::Annotating),
            Some(Command::StepAnnotation(1))
        );
        assert_eq!(
            command_for(&press("Enter"), KeyMode::Reviewing),
            Some(Command::AcceptSuggestion)
        );
        assert_eq!(
            command_for(&press("Y"), KeyMode::Reviewing),
            Some(Command::AcceptSuggestion)
        );
        assert_eq!(
            command_for(&press("Backspace"), KeyMode::Reviewing),
            Some(Command::RejectSuggestion)
        );
        assert_eq!(
            command_for(&press("n"), KeyMode::Reviewing),
            Some(Command::RejectSuggestion)
        );
        assert_eq!(
            command_for(&press("Tab"), KeyMode::Reviewing),
            Some(Command::StepSuggestion(1))
        );
        let back = KeyPress {
            shift: true,
            ..press("Tab")
        };
        assert_eq!(
            command_for(&back, KeyMode::Reviewing),
            Some(Command::StepSuggestion(-1))
        );
        assert_eq!(
            command_for(&press("q"), KeyMode::Reviewing),
            Some(Command::Apply(Label::Quote))
        );
    }

    #[test]
    fn letters_digits_and_arrows() {
        assert_eq!(
            command_for_plain(&press("f")),
            Some(Command::Apply(Label::Fact))
        );
        assert_eq!(
            command_for_plain(&press("A")),
            Some(Command::Apply(Label::Allegation))
        );
        assert_eq!(
            command_for_plain(&press("3")),
            Some(Command::Apply(Label::Quote))
        );
        assert_eq!(
            command_for_plain(&press("ArrowDown")),
            Some(Command::MoveCursor(1))
        );
        assert_eq!(
            command_for_plain(&press("k")),
            Some(Command::MoveCursor(-1))
        );
        assert_eq!(command_for_plain(&press("x")), None);
        assert_eq!(
            command_for_plain(&press("}")),
            Some(Command::MoveBoundary {
                boundary: Boundary::Start,
                forward: true,
                by_word: false
            })
        );
    }

    #[test]
    fn undo_and_redo_need_control() {
        let ctrl = |key: &str, shift| KeyPress {
            key: key.to_string(),
            ctrl: true,
            shift,
            alt: false,
        };
        assert_eq!(command_for_plain(&ctrl("z", false)), Some(Command::Undo));
        assert_eq!(command_for_plain(&ctrl("Z", true)), Some(Command::Redo));
        assert_eq!(command_for_plain(&ctrl("y", false)), Some(Command::Redo));
        assert_eq!(command_for_plain(&ctrl("f", false)), None);
        let alt = KeyPress {
            alt: true,
            ..press("f")
        };
        assert_eq!(command_for_plain(&alt), None);
    }

    #[test]
    fn alt_arrows_walk_the_queue() {
        let alt = |key: &str, shift| KeyPress {
            key: key.to_string(),
            ctrl: false,
            shift,
            alt: true,
        };
        assert_eq!(
            command_for_plain(&alt("ArrowRight", false)),
            Some(Command::NextToDo)
        );
        assert_eq!(
            command_for_plain(&alt("ArrowRight", true)),
            Some(Command::DoneAndNext)
        );
        assert_eq!(
            command_for_plain(&alt("ArrowLeft", false)),
            Some(Command::PreviousInQueue)
        );
        assert_eq!(command_for_plain(&alt("ArrowLeft", true)), None);
    }
}
