//! Revision ids as CouchDB writes them (`3-9f1c…`: a generation and a hash), and the order that
//! picks the winning revision of a conflicted document the same way on every replica.

use std::cmp::Ordering;

use sha2::{Digest, Sha256};

/// A revision id: its generation (1 for the first revision) and a hash.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Rev {
    /// How many revisions lead to this one, itself included.
    pub pos: u64,
    /// The revision's hash, unique among revisions of one document.
    pub hash: String,
}

impl Rev {
    /// Reads `"<pos>-<hash>"`; `None` for anything else.
    pub fn parse(text: &str) -> Option<Rev> {
        let (pos, hash) = text.split_once('-')?;
        let pos = pos.parse().ok()?;
        (!hash.is_empty()).then(|| Rev {
            pos,
            hash: hash.to_string(),
        })
    }

    /// The revision that follows `parent` with this body: the same parent and body give the
    /// same id on every replica, so two browsers making the same change do not conflict.
    pub fn next(parent: Option<&Rev>, body: &str) -> Rev {
        let mut hasher = Sha256::new();
        if let Some(parent) = parent {
            hasher.update(parent.to_string().as_bytes());
        }
        hasher.update(b"\n");
        hasher.update(body.as_bytes());
        let digest = hasher.finalize();
        let hash = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
        Rev {
            pos: parent.map_or(1, |p| p.pos + 1),
            hash,
        }
    }
}

impl std::fmt::Display for Rev {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.pos, self.hash)
    }
}

impl Ord for Rev {
    /// CouchDB's winner order: the longer history wins, then the greater hash.
    fn cmp(&self, other: &Self) -> Ordering {
        self.pos
            .cmp(&other.pos)
            .then_with(|| self.hash.cmp(&other.hash))
    }
}

impl PartialOrd for Rev {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_orders_and_derives_revisions() {
        let a = Rev::parse("2-abc").unwrap();
        assert_eq!(a.to_string(), "2-abc");
        assert!(Rev::parse("x-abc").is_none());
        assert!(Rev::parse("3-").is_none());
        assert!(Rev::parse("3").is_none());
        assert!(Rev::parse("3-aaa").unwrap() > Rev::parse("2-zzz").unwrap());
        assert!(Rev::parse("2-b").unwrap() > Rev::parse("2-a").unwrap());
        let first = Rev::next(None, "{}");
        assert_eq!(first.pos, 1);
        assert_eq!(first.hash.len(), 32);
        let second = Rev::next(Some(&first), "{}");
        assert_eq!(second.pos, 2);
        assert_eq!(second, Rev::next(Some(&first), "{}"));
        assert_ne!(second, Rev::next(Some(&first), "{\"a\":1}"));
    }
}
