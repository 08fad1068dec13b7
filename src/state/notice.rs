//! [`Notice`]: a message for the user, shown in the notice bar.

use crate::model::corpus::listing::thousands;

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
    /// Something worked (announced politely).
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

/// `"1 annotation"`, `"3 annotations"`, `"20,000 records"`: a count with its noun, plural when
/// needed.
pub fn count_of(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{} {noun}s", thousands(n))
    }
}
