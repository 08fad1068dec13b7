//! Train / validation / test splits for the dataset package, assigned by document id.
//!
//! The rule: `h` is the first 8 bytes of the SHA-256 of the id (UTF-8), read as a big-endian
//! unsigned integer, so `h / 2⁶⁴` is a number in [0, 1). A document goes to train when
//! `h · 100 < train · 2⁶⁴`, else to validation when `h · 100 < (train + validation) · 2⁶⁴`,
//! else to test (integer arithmetic, no rounding). It depends on nothing but the id, so
//! re-exporting the same corpus never reshuffles it and adding documents moves none of the
//! others.

use sha2::{Digest, Sha256};

/// Train / validation / test percentages (they sum to 100; [`Splits::new`] refuses otherwise
/// with a message).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Splits {
    /// Percentage of documents for training.
    pub train: u8,
    /// Percentage for validation (development).
    pub validation: u8,
    /// Percentage for the held-out test set.
    pub test: u8,
}

impl Default for Splits {
    /// 80 / 10 / 10.
    fn default() -> Self {
        Splits {
            train: 80,
            validation: 10,
            test: 10,
        }
    }
}

impl Splits {
    /// The split `train` / `validation` / `test` percent, or a message saying why not.
    pub fn new(train: u8, validation: u8, test: u8) -> Result<Splits, String> {
        let sum = u32::from(train) + u32::from(validation) + u32::from(test);
        if sum == 100 {
            Ok(Splits {
                train,
                validation,
                test,
            })
        } else {
            Err(format!(
                "The train, validation and test percentages must add up to 100; \
                 {train} + {validation} + {test} is {sum}."
            ))
        }
    }

    /// The percentage of `split`.
    pub fn percent(self, split: Split) -> u8 {
        match split {
            Split::Train => self.train,
            Split::Validation => self.validation,
            Split::Test => self.test,
        }
    }
}

/// One of the three parts of a dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Split {
    /// For training.
    Train,
    /// For choosing models and settings.
    Validation,
    /// Held out for the final score.
    Test,
}

impl Split {
    /// Every split, in file order.
    pub const ALL: [Split; 3] = [Split::Train, Split::Validation, Split::Test];

    /// `train`, `validation` or `test`: the file stem in the package.
    pub fn name(self) -> &'static str {
        match self {
            Split::Train => "train",
            Split::Validation => "validation",
            Split::Test => "test",
        }
    }

    /// Position in [`Split::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The split of the document with id `doc_id` (see the module documentation for the rule).
///
/// Percentages that do not sum to 100 (a [`Splits`] built by hand) are taken relative to their
/// sum; all zero puts everything in train.
pub fn split_of(doc_id: &str, splits: Splits) -> Split {
    let digest = Sha256::digest(doc_id.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    let h = u128::from(u64::from_be_bytes(first));
    let total = u128::from(splits.train) + u128::from(splits.validation) + u128::from(splits.test);
    if total == 0 {
        return Split::Train;
    }
    let train = u128::from(splits.train) << 64;
    let validation = u128::from(splits.validation) << 64;
    if h * total < train {
        Split::Train
    } else if h * total < train + validation {
        Split::Validation
    } else {
        Split::Test
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_percentages_that_do_not_sum_to_100() {
        let err = Splits::new(50, 30, 30).unwrap_err();
        assert!(err.contains("add up to 100"), "{err}");
        assert!(err.contains("110"), "{err}");
        assert_eq!(Splits::new(80, 10, 10), Ok(Splits::default()));
        assert!(Splits::new(100, 0, 0).is_ok());
    }

    #[test]
    fn close_to_the_ratios_and_deterministic() {
        let splits = Splits::new(70, 20, 10).unwrap();
        let mut counts = [0usize; 3];
        for n in 0..1_000 {
            let id = format!(
                "doc-{:016x}",
                (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            );
            let split = split_of(&id, splits);
            assert_eq!(split, split_of(&id, splits));
            counts[split.index()] += 1;
        }
        // Binomial standard deviations over 1,000: about 14, 13 and 9.
        assert!((650..=750).contains(&counts[0]), "{counts:?}");
        assert!((150..=250).contains(&counts[1]), "{counts:?}");
        assert!((60..=140).contains(&counts[2]), "{counts:?}");
        assert_eq!(counts.iter().sum::<usize>(), 1_000);
    }

    #[test]
    fn a_documents_split_is_fixed_by_its_id_alone() {
        // Pinned so that a change to the rule (which would reshuffle every published dataset)
        // shows up here. Python: int.from_bytes(sha256(b"doc-0123456789abcdef").digest()[:8], "big").
        // That is 76.0099 % of the way through [0, 1).
        let id = "doc-0123456789abcdef";
        assert_eq!(split_of(id, Splits::default()), Split::Train);
        assert_eq!(
            split_of(id, Splits::new(76, 14, 10).unwrap()),
            Split::Validation
        );
        assert_eq!(split_of(id, Splits::new(70, 5, 25).unwrap()), Split::Test);
        assert_eq!(split_of(id, Splits::new(100, 0, 0).unwrap()), Split::Train);
        assert_eq!(split_of(id, Splits::new(0, 0, 100).unwrap()), Split::Test);
        assert_eq!(
            split_of(id, Splits::new(0, 100, 0).unwrap()),
            Split::Validation
        );
    }
}
